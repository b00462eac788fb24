import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/crypto/password';
import { areaOf, navFor, safeCallbackPath } from '@/lib/auth/roles';
import { registerInput } from '@/lib/users/fields';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword(hash, 'correct horse')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse!')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});

describe('safeCallbackPath', () => {
  it('follows same-site paths only', () => {
    expect(safeCallbackPath('/admin/users?page=2', '/')).toBe('/admin/users?page=2');
    expect(safeCallbackPath('https://evil.test/', '/account')).toBe('/account');
    expect(safeCallbackPath('//evil.test/x', '/account')).toBe('/account');
    expect(safeCallbackPath('/\\evil.test', '/account')).toBe('/account');
    expect(safeCallbackPath(undefined, '/account')).toBe('/account');
  });
});

describe('roles', () => {
  it('gives each role its own area, first in its navigation', () => {
    for (const role of ['client', 'provider', 'admin'] as const) {
      expect(navFor[role][0]?.href).toBe(areaOf[role]);
    }
  });
});

describe('registerInput', () => {
  it('normalises the e-mail and trims the name', () => {
    expect(registerInput.parse({ email: '  Ann@Example.TEST ', password: 'password1', name: '  Ann ' })).toEqual({
      email: 'ann@example.test',
      password: 'password1',
      name: 'Ann',
    });
  });

  it('refuses control characters in names', () => {
    expect(registerInput.safeParse({ email: 'a@b.test', password: 'password1', name: 'A\u0000B' }).success).toBe(false);
  });
});
