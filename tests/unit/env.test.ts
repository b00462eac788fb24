import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '@/lib/env';

const valid = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', AUTH_SECRET: 'x'.repeat(32), QUESTIONNAIRE_KEY: Buffer.alloc(32).toString('base64') };

describe('parseEnv', () => {
  it('accepts a minimal environment and fills defaults', () => {
    const env = parseEnv(valid);
    expect(env.LOGIN_MAX_FAILURES).toBe(10);
    expect(env.LOGIN_WINDOW_MINUTES).toBe(15);
    expect(env.TRUST_PROXY).toBe(false);
  });

  it('names every bad variable in one message', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x', AUTH_SECRET: 'short', LOGIN_MAX_FAILURES: 'many' })).toThrowError(ConfigError);
    try {
      parseEnv({ DATABASE_URL: 'mysql://x', AUTH_SECRET: 'short', LOGIN_MAX_FAILURES: 'many' });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toMatch(/DATABASE_URL: must be a postgres/);
      expect(message).toMatch(/AUTH_SECRET: must be at least 32/);
      expect(message).toMatch(/LOGIN_MAX_FAILURES/);
    }
  });

  it('says how to get a database when DATABASE_URL is missing', () => {
    expect(() => parseEnv({ AUTH_SECRET: 'x'.repeat(32) })).toThrow(/DATABASE_URL: is required/);
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ ...valid, LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });

  it('parses booleans strictly', () => {
    expect(parseEnv({ ...valid, TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(() => parseEnv({ ...valid, TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
  });
});
