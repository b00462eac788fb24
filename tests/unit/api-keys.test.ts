import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { API_KEY_DISPLAY_CHARS, apiKeyPrefix, generateApiKey, hashApiKey, isApiKeyToken, isWellFormedApiKey } from '@/lib/auth/api-key-format';

describe('integration API keys', () => {
  it('are "wbk_" and 32 random bytes in base64url, different every time', () => {
    const keys = Array.from({ length: 50 }, generateApiKey);
    for (const key of keys) {
      expect(key).toMatch(/^wbk_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(key.slice(4), 'base64url')).toHaveLength(32);
      expect(isApiKeyToken(key)).toBe(true);
      expect(isWellFormedApiKey(key)).toBe(true);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('are stored as their SHA-256 in hex, never as themselves', () => {
    const key = generateApiKey();
    const hash = hashApiKey(key);
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(key.slice(4));
    expect(hashApiKey(generateApiKey())).not.toBe(hash);
  });

  it('show only their first 12 characters in lists', () => {
    const key = generateApiKey();
    expect(API_KEY_DISPLAY_CHARS).toBe(12);
    expect(apiKeyPrefix(key)).toBe(key.slice(0, 12));
    expect(key.startsWith(apiKeyPrefix(key))).toBe(true);
  });

  it('are told apart from user bearer tokens and from malformed keys', () => {
    expect(isApiKeyToken('wbt_abc')).toBe(false);
    expect(isApiKeyToken('wbk_short')).toBe(true);
    for (const bad of ['wbk_short', `wbk_${'a'.repeat(44)}`, `wbk_${'a'.repeat(42)}=`, `WBK_${'a'.repeat(43)}`, `wbk_${'a'.repeat(42)}/`, '']) {
      expect(isWellFormedApiKey(bad), bad).toBe(false);
    }
  });
});
