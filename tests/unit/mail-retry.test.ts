import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { retryDelaySeconds } from '@/lib/mail/deliver';

const minimal = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', AUTH_SECRET: 'x'.repeat(32), QUESTIONNAIRE_KEY: Buffer.alloc(32).toString('base64') };

/** How long a message keeps being retried: the waits between its MAIL_MAX_ATTEMPTS attempts. */
function budgetSeconds(maxAttempts: number, maxSeconds: number): number {
  let total = 0;
  for (let attempts = 1; attempts < maxAttempts; attempts++) total += retryDelaySeconds(attempts, maxSeconds);
  return total;
}

describe('mail retries', () => {
  it('wait 2, 4, 8 … seconds, never more than the cap', () => {
    expect([1, 2, 3, 4, 9, 10, 30].map((n) => retryDelaySeconds(n, 600))).toEqual([2, 4, 8, 16, 512, 600, 600]);
    expect(retryDelaySeconds(0, 600)).toBe(2);
    expect(retryDelaySeconds(5, 4)).toBe(4);
  });

  // The integration test takes SMTP down for half a minute; these are the budgets behind it.
  it('with the defaults, a message outlasts an SMTP outage of a quarter of an hour before it is given up', () => {
    const env = parseEnv(minimal);
    expect(budgetSeconds(env.MAIL_MAX_ATTEMPTS, env.MAIL_RETRY_MAX_SECONDS)).toBeGreaterThan(15 * 60);
  });

  it('the test stack (50 attempts, at most 4 s apart) outlasts a two-minute outage', () => {
    expect(budgetSeconds(50, 4)).toBeGreaterThan(120);
  });
});
