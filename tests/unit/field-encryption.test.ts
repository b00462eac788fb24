import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecryptionError, decryptJson, encryptJson, keyFromBase64 } from '@/lib/crypto/field-encryption';

const key = randomBytes(32);
const userId = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const value = { answers: { heart_condition: true, chest_pain: false }, emergency_contact: { name: 'Zelda Quince', phone: '+44 20 7946 0000' } };

/** Flips one bit of the base64url part at `index` (1 = IV, 2 = tag, 3 = ciphertext). */
function tamper(encrypted: string, index: number): string {
  const parts = encrypted.split('.');
  const bytes = Buffer.from(parts[index] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('field encryption', () => {
  it('round-trips JSON values', () => {
    for (const v of [value, 'text', 42, null, [1, 'two', { three: 3 }], { note: 'ünïcødé ✓' }]) {
      expect(decryptJson(encryptJson(v, userId, key), userId, key)).toEqual(v);
    }
  });

  it('writes v1.<iv>.<tag>.<ciphertext> with a fresh 12-byte IV each time', () => {
    const a = encryptJson(value, userId, key);
    const b = encryptJson(value, userId, key);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const [, iv, tag] = a.split('.');
    expect(Buffer.from(iv ?? '', 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag ?? '', 'base64url')).toHaveLength(16);
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  it('detects tampering with the IV, the tag or the ciphertext', () => {
    const encrypted = encryptJson(value, userId, key);
    for (const index of [1, 2, 3]) {
      expect(() => decryptJson(tamper(encrypted, index), userId, key)).toThrow(DecryptionError);
    }
    expect(() => decryptJson(encrypted.replace(/^v1\./, 'v2.'), userId, key)).toThrow(DecryptionError);
    expect(() => decryptJson('not a ciphertext', userId, key)).toThrow(DecryptionError);
    expect(() => decryptJson(encrypted.split('.').slice(0, 3).join('.'), userId, key)).toThrow(DecryptionError);
  });

  it('fails with another AAD: a ciphertext moved to another user does not decrypt', () => {
    const encrypted = encryptJson(value, userId, key);
    expect(() => decryptJson(encrypted, '00000000-0000-4000-8000-000000000000', key)).toThrow(DecryptionError);
    expect(() => decryptJson(encrypted, '', key)).toThrow(DecryptionError);
  });

  it('fails with another key', () => {
    const encrypted = encryptJson(value, userId, key);
    expect(() => decryptJson(encrypted, userId, randomBytes(32))).toThrow(DecryptionError);
  });

  it('contains none of the plaintext, in any encoding', () => {
    const encrypted = encryptJson(value, userId, key);
    const plaintext = JSON.stringify(value);
    const decoded = encrypted
      .split('.')
      .slice(1)
      .map((p) => Buffer.from(p, 'base64url').toString('latin1'))
      .join('');
    for (const needle of ['Zelda', 'Quince', 'heart_condition', 'true', 'false', '7946']) {
      expect(encrypted).not.toContain(needle);
      expect(decoded).not.toContain(needle);
    }
    expect(encrypted).not.toContain(Buffer.from(plaintext).toString('base64url').slice(0, 12));
  });

  it('accepts only 32-byte keys', () => {
    expect(keyFromBase64(Buffer.alloc(32, 1).toString('base64'))).toHaveLength(32);
    expect(() => keyFromBase64(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
