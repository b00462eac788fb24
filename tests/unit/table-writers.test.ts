import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';

/**
 * One module writes each table (the house rule): every insert, update or
 * delete on a table in app code sits in the folder that owns the table.
 * Others ask that module. The demo seed (db/) and tests are exempt.
 */
const OWNERS: Record<string, string> = {
  users: 'lib/users',
  providerProfiles: 'lib/schedule',
  settings: 'lib/settings',
  loginAttempts: 'lib/auth',
  apiTokens: 'lib/auth',
  passwordResetTokens: 'lib/auth',
  endedSessions: 'lib/auth',
  questionnaires: 'lib/questionnaire',
  sessionTypes: 'lib/schedule',
  availabilityRules: 'lib/schedule',
  availabilityExceptions: 'lib/schedule',
  classes: 'lib/schedule',
  bookings: 'lib/bookings',
  waitlistEntries: 'lib/bookings',
  notices: 'lib/bookings',
  payments: 'lib/payments',
  paymentTransactions: 'lib/payments',
  mpesaRequests: 'lib/payments',
  refunds: 'lib/payments',
  owedRefunds: 'lib/payments',
  stripeEvents: 'lib/payments',
  webhookEvents: 'lib/payments',
  auditLog: 'lib/audit',
  stripeCustomers: 'lib/payments',
  classPackages: 'lib/packages',
  packagePurchases: 'lib/packages',
  credits: 'lib/credits',
  creditEntries: 'lib/credits',
  apiKeys: 'lib/auth',
  apiKeyCalls: 'lib/auth',
  earningLines: 'lib/earnings',
  earningEntries: 'lib/earnings',
  earningTotals: 'lib/earnings',
  payouts: 'lib/earnings',
  connectAccounts: 'lib/payments',
  stripeTransfers: 'lib/payments',
  outboxMessages: 'lib/mail',
  notificationPreferences: 'lib/mail',
  calendarFeeds: 'lib/mail',
  // Kept by triggers (migration 0009); lib/reports only builds a zone's days the first time.
  reportZones: 'lib/reports',
  reportDaily: 'lib/reports',
  reportFirstCharges: 'lib/reports',
};

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.tsx?$/.test(name)) out.push(rel);
  }
  return out;
}

const WRITE = /\.(insert|update|delete)\(\s*([A-Za-z]\w*)\s*\)/g;

function writes(): { file: string; table: string; line: number }[] {
  const found: { file: string; table: string; line: number }[] = [];
  for (const file of ['lib', 'app', 'scripts', 'components'].flatMap(sources)) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(WRITE)) {
      const table = m[2] ?? '';
      if (!(table in schema)) continue; // not a table (a Map, a file handle)
      found.push({ file, table, line: text.slice(0, m.index).split('\n').length });
    }
  }
  return found;
}

describe('one writer per table', () => {
  it('names an owner for every table of the schema', () => {
    const tables = Object.entries(schema)
      .filter(([, v]) => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v)
      .map(([k]) => k);
    expect(tables.filter((t) => !(t in OWNERS))).toEqual([]);
  });

  it('finds every write in the module that owns its table', () => {
    const all = writes();
    expect(all.length).toBeGreaterThan(40);
    const strays = all.filter((w) => !w.file.startsWith(`${OWNERS[w.table]}/`)).map((w) => `${w.file}:${w.line} writes ${w.table} (owner: ${OWNERS[w.table]})`);
    expect(strays).toEqual([]);
  });
});
