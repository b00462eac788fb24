import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * Field-level encryption for health data (PRODUCT.md: "stored encrypted at rest").
 * AES-256-GCM, a random 12-byte IV per value, and the owning user's id as
 * additional authenticated data, so a ciphertext copied onto another user's
 * row fails to decrypt. Format: `v1.<iv>.<tag>.<ciphertext>`, each base64url.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

let cachedKey: { source: string; key: Buffer } | undefined;

function configuredKey(): Buffer {
  const source = env().QUESTIONNAIRE_KEY;
  if (cachedKey?.source !== source) cachedKey = { source, key: keyFromBase64(source) };
  return cachedKey.key;
}

/** A 32-byte key from its base64 form (as in QUESTIONNAIRE_KEY). */
export function keyFromBase64(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('The encryption key must be 32 bytes.');
  return key;
}

export function encryptJson(value: unknown, aad: string, key: Buffer = configuredKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/**
 * Decrypts what encryptJson produced. Throws DecryptionError when the value was
 * altered, bound to another AAD, or encrypted with another key. The caller
 * validates the shape: this only proves the bytes are ours.
 */
export function decryptJson<T = unknown>(encrypted: string, aad: string, key: Buffer = configuredKey()): T {
  const parts = encrypted.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new DecryptionError('Unrecognised ciphertext format.');
  const [, ivText, tagText, dataText] = parts as [string, string, string, string];
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new DecryptionError('Unrecognised ciphertext format.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([decipher.update(Buffer.from(dataText, 'base64url')), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8')) as T;
  } catch (err) {
    throw new DecryptionError('The value could not be decrypted.', { cause: err });
  }
}
