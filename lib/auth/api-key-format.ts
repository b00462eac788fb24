import { createHash, randomBytes } from 'node:crypto';

/**
 * What an integration API key looks like: "wbk_" and 32 random bytes in
 * base64url. Only its SHA-256 is stored, with its first characters to tell
 * keys apart in lists; the full key is shown once, when it is made.
 */
export const API_KEY_PREFIX = 'wbk_';
export const API_KEY_DISPLAY_CHARS = 12;

const KEY_RE = /^wbk_[A-Za-z0-9_-]{43}$/;

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The first characters, enough to recognise a key and never enough to use it. */
export function apiKeyPrefix(key: string): string {
  return key.slice(0, API_KEY_DISPLAY_CHARS);
}

/** A bearer token meant as an API key (whether or not it is a real one). */
export function isApiKeyToken(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/** Well-formed: worth a database lookup. */
export function isWellFormedApiKey(token: string): boolean {
  return KEY_RE.test(token);
}
