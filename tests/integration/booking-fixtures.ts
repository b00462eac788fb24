import { randomUUID } from 'node:crypto';
import { issueApiToken } from '@/lib/auth/api-tokens';
import { QUESTION_IDS } from '@/lib/questionnaire/questions';
import { submitQuestionnaire } from '@/lib/questionnaire/submit';
import { testSql } from './db';

/**
 * Test set-up written straight to the database (users, classes, session
 * types): what is under test is booking, so its inputs are made quickly
 * here; every booking itself goes through the HTTP API.
 */

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

async function insertUser(role: 'client' | 'provider', name: string): Promise<{ id: string; email: string }> {
  const email = `${role}-${randomUUID().slice(0, 12)}@example.test`;
  const [row] = await testSql()`
    insert into users (email, name, password_hash, role) values (${email}, ${name}, 'not-a-login', ${role}) returning id`;
  return { id: row?.id as string, email };
}

export function allNoAnswers(): Record<string, boolean> {
  return Object.fromEntries(QUESTION_IDS.map((id) => [id, false]));
}

/** A client with a valid questionnaire (or none, or a flagged one) and a bearer token. */
export async function makeClient(questionnaire: 'valid' | 'none' | 'flagged' = 'valid'): Promise<TestUser> {
  const user = await insertUser('client', 'Test Client');
  if (questionnaire !== 'none') {
    const answers = allNoAnswers();
    if (questionnaire === 'flagged') answers[QUESTION_IDS[0] ?? ''] = true;
    await submitQuestionnaire(user.id, {
      answers,
      emergency_contact: { name: 'Em Contact', phone: '+44 20 7946 0000', relationship: 'Friend' },
      consent: true,
    });
  }
  const { token } = await issueApiToken(user.id);
  return { ...user, token };
}

export async function makeClients(n: number): Promise<TestUser[]> {
  const out: TestUser[] = [];
  // A few at a time: each questionnaire is encrypted and written in its own transaction.
  for (let i = 0; i < n; i += 10) out.push(...(await Promise.all(Array.from({ length: Math.min(10, n - i) }, () => makeClient()))));
  return out;
}

/** A provider working every day 00:00–23:59 UTC, with one session type. */
export async function makeProvider(options: { durationMinutes?: number; bufferMinutes?: number; price?: number; timeZone?: string } = {}) {
  const user = await insertUser('provider', 'Test Provider');
  await testSql()`insert into provider_profiles (user_id, headline, time_zone) values (${user.id}, 'Tester', ${options.timeZone ?? 'UTC'})`;
  for (let weekday = 1; weekday <= 7; weekday++) {
    await testSql()`insert into availability_rules (provider_id, weekday, start_time, end_time) values (${user.id}, ${weekday}, '00:00', '23:59')`;
  }
  const [type] = await testSql()`
    insert into session_types (provider_id, name, duration_minutes, buffer_minutes, price_amount, currency, fee_bps)
    values (${user.id}, 'Test session', ${options.durationMinutes ?? 60}, ${options.bufferMinutes ?? 0}, ${options.price ?? 0}, 'gbp', 1500)
    returning id`;
  const { token } = await issueApiToken(user.id);
  return { ...user, token, sessionTypeId: type?.id as string };
}

/** A class starting `hoursAhead` from now, taught by the seeded provider Maya. */
export async function makeClass(options: { capacity: number; price?: number; hoursAhead?: number; seatsTaken?: number; providerId?: string }): Promise<string> {
  const [maya] = await testSql()`select id from users where email = 'maya@wellbook.test'`;
  const startsAt = new Date(Date.now() + (options.hoursAhead ?? 72) * 3_600_000);
  const [row] = await testSql()`
    insert into classes (provider_id, title, starts_at, duration_minutes, capacity, seats_taken, price_amount, currency, fee_bps, location)
    values (${options.providerId ?? (maya?.id as string)}, 'Test class', ${startsAt}, 60, ${options.capacity}, ${options.seatsTaken ?? 0},
            ${options.price ?? 0}, 'gbp', 1500, 'Studio T')
    returning id`;
  return row?.id as string;
}

/** The next whole UTC hour at least `daysAhead` days away, as a Date. */
export function futureHour(daysAhead: number, hour = 10): Date {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
}

export async function activeBookingsInClass(classId: string): Promise<{ active: number; seatsTaken: number }> {
  const [row] = await testSql()`
    select (select count(*)::int from bookings where class_id = ${classId} and status in ('pending_payment', 'confirmed', 'in_progress')) as active,
           (select seats_taken from classes where id = ${classId}) as seats_taken`;
  return { active: row?.active as number, seatsTaken: row?.seats_taken as number };
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await testSql()`
    insert into settings (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
    on conflict (key) do update set value = excluded.value, updated_at = now()`;
}
