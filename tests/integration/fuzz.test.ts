import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiToken } from '@/lib/auth/api-tokens';
import { errorStatus } from '@/lib/errors';
import { apiModules, openApiDocument } from '@/lib/openapi/document';
import type { OperationObject, Parameter } from '@/lib/openapi/build';
import type { Operation } from '@/lib/openapi/registry';
import {
  encode,
  hostileValue,
  dotPathSegments,
  malformedPathSegments,
  undecodablePathSegments,
  mutatedBody,
  queryText,
  rawBodies,
  rawQueries,
  validValue,
  type Schema,
} from '../support/schema-arbitraries';
import { api, appUrls, createKey, grantCredit, insertUser, makeClass, makeClient, makePackage, makeProvider, randomIp, startPurchase, testSql, type TestUser } from './fixtures';

/**
 * Every operation of the OpenAPI document, fuzzed with generated requests as
 * anonymous, client, provider and admin (never a 5xx; every 4xx in the error
 * shape; JSON unless the operation documents another type), and swept for
 * access: the role gate of each operation, and no user reading or changing
 * another's booking, payment, class, credit or questionnaire.
 *
 * Deterministic: FUZZ_SEED (printed by fast-check on a failure, with the
 * failing request) replays a run; FUZZ_RUNS sets the generated requests per
 * operation and role.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const IP = randomIp();

type Role = 'anonymous' | 'client' | 'provider' | 'admin';
const ROLES: readonly Role[] = ['anonymous', 'client', 'provider', 'admin'];

interface Op {
  key: string;
  decl: Operation;
  doc: OperationObject;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body?: Schema;
}

const document = openApiDocument();
const OPS: Op[] = apiModules
  .flatMap((m) => m.operations)
  .map((decl) => {
    const doc = document.paths[decl.path]?.[decl.method];
    if (!doc) throw new Error(`${decl.operationId} is not in the document`);
    const params = doc.parameters ?? [];
    return {
      key: `${decl.method.toUpperCase()} ${decl.path}`,
      decl,
      doc,
      pathParams: params.filter((p) => p.in === 'path'),
      queryParams: params.filter((p) => p.in === 'query'),
      body: doc.requestBody?.content['application/json']?.schema as Schema | undefined,
    };
  });

/** One request: the path and query already encoded, and the body as sent. */
interface FuzzRequest {
  path: string;
  query: string;
  body?: { text: string; contentType?: string };
}

interface Sent {
  status: number;
  contentType: string;
  text: string;
}

async function send(op: Op, req: FuzzRequest, authorization: string | undefined, server = 0, method = op.decl.method.toUpperCase()): Promise<Sent> {
  const headers: Record<string, string> = { 'x-forwarded-for': IP };
  if (authorization) headers.authorization = authorization;
  if (req.body?.contentType) headers['content-type'] = req.body.contentType;
  const url = `${appUrls()[server] ?? appUrls()[0]}${req.path}${req.query ? `?${req.query}` : ''}`;
  const res = await fetch(url, { method, headers, body: req.body?.text, redirect: 'manual' });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
}

const json = (value: unknown) => ({ text: JSON.stringify(value) ?? 'null', contentType: 'application/json' });

/** What is wrong with an answer, or null: a 5xx, a 4xx not in the error shape, or the wrong content type. */
function problemWith(op: Op, res: Sent): string | null {
  if (res.status >= 500) return `a ${res.status}`;
  // Node's HTTP parser refuses a request line and headers over 16 kB before the app sees them: a bare 431, no route involved.
  if (res.status === 431) return null;
  if (res.status >= 400) {
    if (!res.contentType.startsWith('application/json')) return `a ${res.status} with content-type "${res.contentType}"`;
    let body: unknown;
    try {
      body = JSON.parse(res.text);
    } catch {
      return `a ${res.status} whose body is not JSON`;
    }
    const b = body as { error?: { code?: unknown; message?: unknown; fields?: unknown } };
    if (typeof b !== 'object' || b === null || Object.keys(b).join() !== 'error' || typeof b.error !== 'object' || b.error === null) return `a ${res.status} not shaped {error: {...}}`;
    const { code, message, fields, ...rest } = b.error;
    if (typeof code !== 'string' || !(code in errorStatus)) return `a ${res.status} with an unknown error code ${JSON.stringify(code)}`;
    if (errorStatus[code as keyof typeof errorStatus] !== res.status) return `a ${res.status} with code ${code}, which is a ${errorStatus[code as keyof typeof errorStatus]}`;
    if (typeof message !== 'string' || !message) return `a ${res.status} without a message`;
    if (fields !== undefined) {
      if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return `a ${res.status} whose fields are not an object`;
      for (const [k, v] of Object.entries(fields)) if (!Array.isArray(v) || !v.every((m) => typeof m === 'string')) return `a ${res.status} whose fields.${k} is not a list of messages`;
    }
    if (Object.keys(rest).length) return `a ${res.status} with extra error keys ${Object.keys(rest).join(', ')}`;
    return null;
  }
  if ([204, 302, 303, 304, 307].includes(res.status)) return null;
  // Next.js's own redirect of a path with an empty or encoded-slash segment to its canonical form: no route ran, nothing is served.
  if (res.status === 308) return null;
  const expected = op.decl.response.status === 200 || op.decl.response.status === 201 || op.decl.response.status === 202 ? (op.decl.response.mediaType ?? 'application/json') : 'application/json';
  if (!res.contentType.startsWith(expected)) return `a ${res.status} with content-type "${res.contentType}", not ${expected}`;
  return null;
}

function describeExchange(op: Op, req: FuzzRequest, res: Sent): string {
  const body = req.body ? ` body(${req.body.contentType ?? 'no content-type'}): ${req.body.text.length > 300 ? `${req.body.text.slice(0, 300)}… (${req.body.text.length} chars)` : req.body.text}` : '';
  return `${op.decl.method.toUpperCase()} ${req.path.slice(0, 300)}${req.query ? `?${req.query.slice(0, 300)}` : ''}${body}\n  -> ${res.status} ${res.contentType}: ${res.text.slice(0, 500)}`;
}

/** Real ids of one user's world: a provider and a client with a class, a booking and its payment, a credit, a purchase... */
interface World {
  client: TestUser;
  provider: TestUser & { sessionTypeId: string };
  classId: string;
  otherClassId: string;
  bookingId: string;
  paymentId: string;
  creditId: string;
  packageId: string;
  purchaseId: string;
  questionnaireId: string;
  exceptionId: string;
  payoutId: string;
  noticeId: string;
}

async function makeWorld(): Promise<World> {
  const sql = testSql();
  const [client, provider] = await Promise.all([makeClient(), makeProvider()]);
  const classId = await makeClass({ capacity: 10, price: 2500, providerId: provider.id, title: 'Fuzz class' });
  const otherClassId = await makeClass({ capacity: 10, price: 2500, providerId: provider.id, hoursAhead: 96, title: 'Fuzz class 2' });
  const booked = await api<{ booking: { id: string }; payment: { payment_intent_id: string } }>('/api/v1/bookings', { json: { class_id: classId }, token: client.token, ip: IP });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  const credit = await grantCredit(client.id, { uses: 2 });
  const pkg = await makePackage();
  const purchase = await startPurchase(pkg.id, client);
  const [q] = await sql`select id from questionnaires where user_id = ${client.id}`;
  const [ex] = await sql`insert into availability_exceptions (provider_id, date) values (${provider.id}, ${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}) returning id`;
  const [payout] = await sql`insert into payouts (provider_id, currency, amount, method, status, reference) values (${provider.id}, 'gbp', 1000, 'manual', 'paid', 'FUZZ-1') returning id`;
  const [notice] = await sql`insert into notices (user_id, kind, message) values (${client.id}, 'class_cancelled', 'Fuzz notice') returning id`;
  return {
    client,
    provider,
    classId,
    otherClassId,
    bookingId: booked.body.booking.id,
    paymentId: booked.body.payment.payment_intent_id,
    creditId: credit.id,
    packageId: pkg.id,
    purchaseId: purchase.purchase_id,
    questionnaireId: q?.id as string,
    exceptionId: ex?.id as string,
    payoutId: payout?.id as string,
    noticeId: notice?.id as string,
  };
}

/** Real ids for a path, by the collection it is under (the fuzz world's, so that generated requests reach past the 404). */
function realIds(path: string, w: World, disposableUserIds: string[]): string[] {
  const [, , , collection, second] = path.split('/');
  if (collection === 'bookings') return [w.bookingId];
  if (collection === 'payments') return [w.paymentId];
  if (collection === 'classes') return [w.classId, w.otherClassId];
  if (collection === 'session-types') return [w.provider.sessionTypeId];
  if (collection === 'availability') return [w.exceptionId];
  if (collection === 'providers') return [w.provider.id];
  if (collection === 'packages') return second === 'purchases' ? [w.purchaseId] : [w.packageId];
  if (collection === 'credits') return [w.creditId];
  if (collection === 'clients') return [w.client.id];
  if (collection === 'questionnaires') return [w.questionnaireId];
  if (collection === 'payouts') return [w.payoutId];
  if (collection === 'notices') return [w.noticeId];
  // Users an admin may change freely: never the admin signed in, nor the fuzzing client and provider.
  if (collection === 'users') return disposableUserIds;
  return [];
}

/**
 * Operations that change the caller's own sign-in (revoke its token, delete
 * the account, change the password) or the client's questionnaire: each
 * request is sent by a new user of the role, so the fuzzing users stay signed in and able to book.
 */
const SELF_AFFECTING = new Set(['revokeToken', 'deleteMe', 'changePassword', 'submitQuestionnaire']);

function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? 'missing');
}

function requestArbitrary(op: Op, ids: string[], pin: (body: unknown) => unknown): fc.Arbitrary<FuzzRequest> {
  const pathArb = fc.record(
    Object.fromEntries(
      op.pathParams.map((p) => {
        const options: fc.WeightedArbitrary<string>[] = [
          { weight: 3, arbitrary: fc.constantFrom(...malformedPathSegments, ...undecodablePathSegments, ...dotPathSegments) },
          { weight: 1, arbitrary: fc.uuid() },
          { weight: 1, arbitrary: validValue(p.schema as Schema).map((v) => encode(queryText(v))) },
          { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).map(encode) },
        ];
        if (ids.length) options.push({ weight: 4, arbitrary: fc.constantFrom(...ids) });
        return [p.name, fc.oneof(...options)];
      }),
    ),
  ) as fc.Arbitrary<Record<string, string>>;

  const param = (p: Parameter): fc.Arbitrary<string | undefined> =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 3, arbitrary: validValue(p.schema as Schema).map((v) => `${encode(p.name)}=${encode(queryText(v))}`) },
      { weight: 3, arbitrary: hostileValue.map((v) => `${encode(p.name)}=${encode(queryText(v))}`) },
      { weight: 1, arbitrary: fc.constant(`${encode(p.name)}=1&${encode(p.name)}=2`) },
    );
  const extraQuery = fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(...rawQueries) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), hostileValue).map(([k, v]) => `${encode(k)}=${encode(queryText(v))}`) },
  );
  const queryArb = fc
    .tuple(fc.tuple(...op.queryParams.map(param)), extraQuery)
    .map(([parts, extra]) => [...parts, extra].filter((x): x is string => x !== undefined).join('&'));

  let bodyArb: fc.Arbitrary<FuzzRequest['body']>;
  const raw = fc.constantFrom(...rawBodies).map((b) => ({ text: b.text, contentType: b.contentType ?? 'application/json' }));
  if (op.decl.method === 'get') bodyArb = fc.constant(undefined);
  else if (op.body)
    bodyArb = fc.oneof(
      { weight: 4, arbitrary: validValue(op.body).map((b) => json(pin(b))) },
      { weight: 4, arbitrary: mutatedBody(op.body).map((b) => json(pin(b))) },
      { weight: 2, arbitrary: raw },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  else bodyArb = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostileValue.map(json) }, { weight: 1, arbitrary: raw });

  return fc.record({ path: pathArb.map((values) => fillPath(op.decl.path, values)), query: queryArb, body: bodyArb }, { requiredKeys: ['path', 'query'] });
}

/**
 * Requests the fuzzer once answered with a 5xx or a broken error, kept as
 * fixed examples: each is sent as the role given and must now pass.
 */
const FIXED_EXAMPLES: { operationId: string; role: Role; request: FuzzRequest }[] = [
  // A NUL in a webhook event's id reached PostgreSQL, which refuses it in text: a 500 (now a 404).
  { operationId: 'replayWebhookEvent', role: 'admin', request: { path: '/api/v1/webhook-events/a%00b/replay', query: '', body: { text: 'a=1&b=2', contentType: 'multipart/form-data; boundary=x' } } },
  { operationId: 'replayWebhookEvent', role: 'admin', request: { path: '/api/v1/webhook-events/evt_x%00/replay', query: '' } },
  { operationId: 'getWebhookEvent', role: 'admin', request: { path: '/api/v1/webhook-events/a%00b', query: '' } },
];

let fuzzWorld: World;
let sweepWorld: World;
let intruders: { client: TestUser; provider: TestUser };
let tokens: Record<Role, string | undefined>;
let apiKey: string;
let disposableUserIds: string[] = [];
let savedSettings: { key: string; value: unknown }[] = [];

async function disposableToken(role: Role): Promise<string | undefined> {
  if (role === 'anonymous') return undefined;
  const user = role === 'client' ? await makeClient() : await insertUser(role);
  return (await issueApiToken(user.id)).token;
}

beforeAll(async () => {
  const sql = testSql();
  savedSettings = (await sql`select key, value from settings`) as unknown as { key: string; value: unknown }[];
  [fuzzWorld, sweepWorld] = await Promise.all([makeWorld(), makeWorld()]);
  const [client, provider] = await Promise.all([makeClient(), makeProvider()]);
  intruders = { client, provider };
  const admin = await insertUser('admin', 'Fuzz Admin');
  tokens = { anonymous: undefined, client: fuzzWorld.client.token, provider: fuzzWorld.provider.token, admin: (await issueApiToken(admin.id)).token };
  disposableUserIds = await Promise.all((['client', 'provider', 'admin'] as const).map(async (r) => (await insertUser(r, `Disposable ${r}`)).id));
  apiKey = (await createKey()).key;
}, 120_000);

afterAll(async () => {
  // Settings are the whole stack's: put back what the fuzzer changed, for the files that run after this one.
  const sql = testSql();
  await sql.begin(async (tx) => {
    await tx`delete from settings`;
    for (const s of savedSettings) await tx`insert into settings (key, value) values (${s.key}, ${tx.json(s.value as never)})`;
  });
});

/** The admin's POST /api/v1/payouts pays every provider without a provider_id: held to the fuzz world's own provider. */
function pinFor(op: Op): (body: unknown) => unknown {
  if (op.decl.operationId !== 'createPayouts') return (b) => b;
  return (b) => (b !== null && typeof b === 'object' && !Array.isArray(b) ? { ...b, provider_id: fuzzWorld.provider.id } : b);
}

async function fuzzAs(op: Op, role: Role, index: number): Promise<void> {
  const arb = requestArbitrary(op, realIds(op.decl.path, fuzzWorld, disposableUserIds), pinFor(op));
  const seed = SEED + index;
  const run = await fc.check(
    fc.asyncProperty(arb, async (req) => {
      const token = SELF_AFFECTING.has(op.decl.operationId) ? await disposableToken(role) : tokens[role];
      const res = await send(op, req, token && `Bearer ${token}`, index % 2);
      const problem = problemWith(op, res);
      if (problem) throw new Error(`${problem}\n  ${describeExchange(op, req, res)}`);
    }),
    { seed, numRuns: RUNS, endOnFailure: true },
  );
  if (run.failed) {
    const error = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
    throw new Error(`${op.key} as ${role} (replay: seed ${seed}, path "${run.counterexamplePath}"): ${error}`);
  }
}

/** Who a resource-owning operation is probed with: A's own users may (readers), B's may not. */
interface Probe {
  path: string;
  body?: unknown;
  /** Of world A: who reads it with a 200 (the control that the id is real and reachable). */
  readers?: readonly ('client' | 'provider')[];
}

/** A list of the caller's own: B's users must not find A's ids in it; A's `owner` does. */
interface ListProbe {
  path: (w: World) => string;
  hidden: (w: World) => string[];
  owner: 'client' | 'provider';
}

/**
 * Every operation, classified by whose data it touches. The test fails for an
 * operation of the document missing here (classify it: is it public, only the
 * caller's own, for admins or integrations only, or about a resource someone owns?).
 * - public: anyone may call it, and nothing private is in it;
 * - own: works on the caller's own data, with no id of anyone else's (a list may be probed with `LISTS`);
 * - shared: takes the id of something public (a class, a package) and acts for the caller alone;
 * - staff: admins (and integrations) only: the role gate is the rule;
 * - a probe: takes the id of a resource that belongs to a client or a provider.
 */
const SCOPE: Record<string, 'public' | 'own' | 'shared' | 'staff' | ((w: World) => Probe)> = {
  register: 'public',
  createToken: 'public',
  requestPasswordReset: 'public',
  confirmPasswordReset: 'public',
  getQuestions: 'public',
  listClasses: 'public',
  getClass: 'public',
  listProviders: 'public',
  getProvider: 'public',
  listSlots: 'public',
  listPackages: 'public',
  getPackage: 'public',
  getOpenApiDocument: 'public',

  revokeToken: 'own',
  getMe: 'own',
  updateMe: 'own',
  deleteMe: 'own',
  changePassword: 'own',
  exportMe: 'own',
  getOwnQuestionnaire: 'own',
  submitQuestionnaire: 'own',
  listQuestionnaires: 'own',
  createClasses: 'own',
  joinWaitlist: 'shared',
  leaveWaitlist: 'shared',
  listSessionTypes: 'own',
  createSessionType: 'own',
  getAvailability: 'own',
  replaceAvailability: 'own',
  listAvailabilityExceptions: 'own',
  addAvailabilityException: 'own',
  listBookings: 'own',
  createBooking: 'own',
  listNotices: 'own',
  listPayments: 'own',
  getCalendarFeed: 'own',
  createCalendarFeed: 'own',
  revokeCalendarFeed: 'own',
  getNotificationPreferences: 'own',
  setNotificationPreferences: 'own',
  purchasePackage: 'shared',
  listCredits: 'own',
  getEarnings: 'own',
  listEarningLines: 'own',
  exportEarningLines: 'own',
  listPayouts: 'own',
  getConnectStatus: 'own',
  startConnectOnboarding: 'own',
  refreshConnectOnboarding: 'own',
  createConnectDashboardLink: 'own',

  listOutboxMessages: 'staff',
  getOutboxMessage: 'staff',
  resendOutboxMessage: 'staff',
  createPackage: 'staff',
  updatePackage: 'staff',
  adjustCredit: 'staff',
  listCreditClients: 'staff',
  grantCredit: 'staff',
  createPayouts: 'staff',
  listApiKeys: 'staff',
  createApiKey: 'staff',
  revokeApiKey: 'staff',
  listApiKeyCalls: 'staff',
  creditsByClient: 'staff',
  confirmPayment: 'staff',
  createCredit: 'staff',
  refundCredit: 'staff',
  bookingPaymentStatus: 'staff',
  getReportSummary: 'staff',
  exportTransactions: 'staff',
  listUsers: 'staff',
  updateUser: 'staff',
  listSettings: 'staff',
  updateSettings: 'staff',
  listWebhookEvents: 'staff',
  getWebhookEvent: 'staff',
  replayWebhookEvent: 'staff',
  backfillWebhookEvents: 'staff',
  listAudit: 'staff',

  getBooking: (w) => ({ path: `/api/v1/bookings/${w.bookingId}`, readers: ['client', 'provider'] }),
  getBookingCalendar: (w) => ({ path: `/api/v1/bookings/${w.bookingId}/calendar.ics`, readers: ['client', 'provider'] }),
  cancelBooking: (w) => ({ path: `/api/v1/bookings/${w.bookingId}/cancel`, body: { reason: 'Not my booking' } }),
  rescheduleBooking: (w) => ({ path: `/api/v1/bookings/${w.bookingId}/reschedule`, body: { class_id: w.otherClassId } }),
  startBooking: (w) => ({ path: `/api/v1/bookings/${w.bookingId}/start` }),
  completeBooking: (w) => ({ path: `/api/v1/bookings/${w.bookingId}/complete` }),
  markBookingNoShow: (w) => ({ path: `/api/v1/bookings/${w.bookingId}/no-show` }),
  startBookingPayment: (w) => ({ path: `/api/v1/bookings/${w.bookingId}/payment`, body: {} }),
  useCredit: (w) => ({ path: '/api/v1/credits/use', body: { booking_id: w.bookingId } }),
  markNoticeRead: (w) => ({ path: `/api/v1/notices/${w.noticeId}/read` }),
  getPayment: (w) => ({ path: `/api/v1/payments/${w.paymentId}`, readers: ['client'] }),
  getPaymentStatus: (w) => ({ path: `/api/v1/payments/${w.paymentId}/status`, readers: ['client'] }),
  refundPayment: (w) => ({ path: `/api/v1/payments/${w.paymentId}/refund`, body: { reason: 'Not my payment' } }),
  getPurchase: (w) => ({ path: `/api/v1/packages/purchases/${w.purchaseId}`, readers: ['client'] }),
  getCredit: (w) => ({ path: `/api/v1/credits/${w.creditId}`, readers: ['client'] }),
  getClientCredits: (w) => ({ path: `/api/v1/clients/${w.client.id}/credits`, readers: ['client'] }),
  getClientQuestionnaire: (w) => ({ path: `/api/v1/clients/${w.client.id}/questionnaire`, readers: ['client'] }),
  clearQuestionnaire: (w) => ({ path: `/api/v1/questionnaires/${w.questionnaireId}/clear`, body: { note: 'Not my client' } }),
  updateClass: (w) => ({ path: `/api/v1/classes/${w.classId}`, body: { title: 'Not my class' } }),
  cancelClass: (w) => ({ path: `/api/v1/classes/${w.classId}/cancel`, body: { reason: 'Not my class' } }),
  completeClass: (w) => ({ path: `/api/v1/classes/${w.classId}/complete` }),
  getSessionType: (w) => ({ path: `/api/v1/session-types/${w.provider.sessionTypeId}`, readers: ['provider'] }),
  updateSessionType: (w) => ({ path: `/api/v1/session-types/${w.provider.sessionTypeId}`, body: { name: 'Not my session' } }),
  deleteAvailabilityException: (w) => ({ path: `/api/v1/availability/exceptions/${w.exceptionId}` }),
  getPayout: (w) => ({ path: `/api/v1/payouts/${w.payoutId}`, readers: ['provider'] }),
};

/** Lists of the caller's own, where B must not find A's ids. */
const LISTS: Record<string, ListProbe[]> = {
  listBookings: [
    { path: () => '/api/v1/bookings', hidden: (w) => [w.bookingId], owner: 'client' },
    { path: () => '/api/v1/bookings', hidden: (w) => [w.bookingId], owner: 'provider' },
    { path: (w) => `/api/v1/bookings?client_id=${w.client.id}`, hidden: (w) => [w.bookingId], owner: 'provider' },
    { path: (w) => `/api/v1/bookings?provider_id=${w.provider.id}`, hidden: (w) => [w.bookingId], owner: 'client' },
  ],
  listPayments: [{ path: () => '/api/v1/payments', hidden: (w) => [w.paymentId], owner: 'client' }],
  listCredits: [{ path: () => '/api/v1/credits', hidden: (w) => [w.creditId], owner: 'client' }],
  listNotices: [{ path: () => '/api/v1/notices', hidden: (w) => [w.noticeId], owner: 'client' }],
  listSessionTypes: [{ path: () => '/api/v1/session-types', hidden: (w) => [w.provider.sessionTypeId], owner: 'provider' }],
  listAvailabilityExceptions: [{ path: () => '/api/v1/availability/exceptions', hidden: (w) => [w.exceptionId], owner: 'provider' }],
  listPayouts: [
    { path: () => '/api/v1/payouts', hidden: (w) => [w.payoutId], owner: 'provider' },
    { path: (w) => `/api/v1/payouts?provider_id=${w.provider.id}`, hidden: (w) => [w.payoutId], owner: 'provider' },
  ],
};

type Caller = 'anonymous' | 'bad token' | 'client' | 'provider' | 'admin' | 'integration';
const CALLERS: readonly Caller[] = ['anonymous', 'bad token', 'client', 'provider', 'admin', 'integration'];

/** What the role gate must answer a caller: 401, 403, or let it through (anything but 401/403 and 5xx). */
function gate(access: Operation['access'], caller: Caller): 401 | 403 | 'through' {
  if (caller === 'anonymous' || caller === 'bad token') return access === 'public' ? 'through' : 401;
  // An API key is for the integration endpoints alone, public ones included.
  if (caller === 'integration') return typeof access !== 'string' && access.includes('integration') ? 'through' : 403;
  return access === 'public' || access === 'user' || access.includes(caller) ? 'through' : 403;
}

async function authFor(op: Op, caller: Caller): Promise<string | undefined> {
  if (caller === 'anonymous') return undefined;
  if (caller === 'bad token') return 'Bearer not-a-real-token';
  if (caller === 'integration') return `Bearer ${apiKey}`;
  const token = SELF_AFFECTING.has(op.decl.operationId) ? await disposableToken(caller) : caller === 'admin' ? tokens.admin : sweepWorld[caller].token;
  return `Bearer ${token}`;
}

const ok = (status: number) => status >= 200 && status < 300;

describe('access control of every operation', () => {
  it('every operation of the document is classified by whose data it touches, consistently with its access', () => {
    const ids = OPS.map((o) => o.decl.operationId);
    expect(ids.filter((id) => !(id in SCOPE)), 'operations to classify in SCOPE').toEqual([]);
    expect(Object.keys(SCOPE).filter((id) => !ids.includes(id)), 'SCOPE names operations the document no longer has').toEqual([]);
    for (const op of OPS) {
      const scope = SCOPE[op.decl.operationId];
      const { access } = op.decl;
      // The document says who may call: its security and its "Who may call" line follow the declared access.
      expect(op.doc.security.length === 0, op.key).toBe(access === 'public');
      if (scope === 'public') expect(access, op.key).toBe('public');
      if (scope === 'shared') expect(op.pathParams.length, `${op.key} takes no id: it is 'own'`).toBeGreaterThan(0);
      if (scope === 'staff') expect(access !== 'public' && access !== 'user' && access.every((c) => c === 'admin' || c === 'integration'), `${op.key} is open to more than admins`).toBe(true);
      // An operation with an id in its path is about someone's resource, or public, or for staff.
      if (op.pathParams.length && scope === 'own') throw new Error(`${op.key} takes an id: classify it with a probe`);
    }
  });

  OPS.forEach((op) => {
    it(`${op.key}: the role gate (anonymous and bad tokens 401, other roles 403, API keys only on integration endpoints)`, async () => {
      const wrong: string[] = [];
      for (const [i, caller] of CALLERS.entries()) {
        const req: FuzzRequest = {
          path: fillPath(op.decl.path, Object.fromEntries(op.pathParams.map((p) => [p.name, '00000000-0000-4000-8000-000000000000']))),
          query: '',
          body: op.body ? json({}) : undefined,
        };
        const res = await send(op, req, await authFor(op, caller), i % 2);
        const expected = gate(op.decl.access, caller);
        const problem = problemWith(op, res);
        if (problem) wrong.push(`${caller}: ${problem}`);
        else if (expected === 'through' ? res.status === 401 || res.status === 403 : res.status !== expected) {
          wrong.push(`${caller}: expected ${expected === 'through' ? 'to get past the gate' : expected}, got ${res.status} ${res.text.slice(0, 200)}`);
        }
      }
      expect(wrong, `${op.key} (access ${JSON.stringify(op.decl.access)}):\n${wrong.join('\n')}`).toEqual([]);
    });
  });

  OPS.filter((op) => typeof SCOPE[op.decl.operationId] === 'function').forEach((op) => {
    it(`${op.key}: another client or provider gets a 403/404, never A's resource`, async () => {
      const probe = (SCOPE[op.decl.operationId] as (w: World) => Probe)(sweepWorld);
      const req: FuzzRequest = { path: probe.path, query: '', body: probe.body === undefined ? undefined : json(probe.body) };
      const wrong: string[] = [];
      for (const reader of probe.readers ?? []) {
        const res = await send(op, req, `Bearer ${sweepWorld[reader].token}`);
        if (res.status !== 200) wrong.push(`A's own ${reader} should read it: got ${res.status} ${res.text.slice(0, 200)}`);
      }
      for (const [who, intruder] of Object.entries(intruders)) {
        const res = await send(op, req, `Bearer ${intruder.token}`);
        if (res.status !== 403 && res.status !== 404) wrong.push(`another ${who} got ${res.status} ${res.text.slice(0, 300)}`);
      }
      expect(wrong, `${op.key} ${probe.path}:\n${wrong.join('\n')}`).toEqual([]);
    });
  });

  Object.entries(LISTS).forEach(([operationId, probes]) => {
    it(`${operationId}: another user's list never holds A's ids; A's own does`, async () => {
      const op = OPS.find((o) => o.decl.operationId === operationId);
      expect(op, operationId).toBeDefined();
      if (!op) return;
      const wrong: string[] = [];
      for (const probe of probes) {
        const [path, query = ''] = probe.path(sweepWorld).split('?');
        const req: FuzzRequest = { path: path ?? '', query };
        const own = await send(op, req, `Bearer ${sweepWorld[probe.owner].token}`);
        for (const id of probe.hidden(sweepWorld)) if (!own.text.includes(id)) wrong.push(`A's ${probe.owner} does not see ${id} in ${probe.path(sweepWorld)}: ${own.status}`);
        const other = await send(op, req, `Bearer ${intruders[probe.owner].token}`);
        if (ok(other.status)) for (const id of probe.hidden(sweepWorld)) if (other.text.includes(id)) wrong.push(`another ${probe.owner} sees ${id} in ${probe.path(sweepWorld)}`);
      }
      expect(wrong, wrong.join('\n')).toEqual([]);
    });
  });
});

/** Values each query parameter and each top-level body field gets once, whatever the random runs drew. */
const EDGE_VALUES: readonly { query: string; body: unknown }[] = [
  { query: 'a\u0000b', body: 'a\u0000b' },
  { query: '2027-02-30T09:00:00Z', body: '2027-02-30T09:00:00Z' },
  { query: '99999999999999999999', body: 1e308 },
];

/** The caller the operation is for, so that edge values get past the gate to the parsing behind it. */
function callerFor(op: Op): Role {
  const { access } = op.decl;
  if (access === 'public') return 'anonymous';
  if (access === 'user') return 'client';
  return (['admin', 'provider', 'client'] as const).find((r) => access.includes(r)) ?? 'admin';
}

/** Every query parameter and body field of the operation, one edge value at a time, the rest valid-shaped. */
async function edgesOf(op: Op, index: number): Promise<string[]> {
  const role = callerFor(op);
  const ids = realIds(op.decl.path, fuzzWorld, disposableUserIds);
  const path = fillPath(op.decl.path, Object.fromEntries(op.pathParams.map((p) => [p.name, ids[0] ?? '00000000-0000-4000-8000-000000000000'])));
  const base = op.body ? fc.sample(validValue(op.body), { seed: SEED + index, numRuns: 1 })[0] : undefined;
  const baseObject = base !== null && typeof base === 'object' && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  const requests: FuzzRequest[] = [];
  for (const value of EDGE_VALUES) {
    for (const p of op.queryParams) requests.push({ path, query: `${encode(p.name)}=${encode(value.query)}` });
    if (op.body) for (const field of Object.keys(op.body.properties ?? {})) requests.push({ path, query: '', body: json(pinFor(op)({ ...baseObject, [field]: value.body })) });
  }
  const wrong: string[] = [];
  for (const req of requests) {
    const token = SELF_AFFECTING.has(op.decl.operationId) ? await disposableToken(role) : tokens[role];
    const res = await send(op, req, token && `Bearer ${token}`, index % 2);
    const problem = problemWith(op, res);
    if (problem) wrong.push(`${op.key} as ${role}: ${problem}\n  ${describeExchange(op, req, res)}`);
  }
  return wrong;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  it('the document served is the one walked here', async () => {
    const served = await api('/api/v1/openapi.json');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('the fixed examples, inputs that once failed, now pass', async () => {
    for (const example of FIXED_EXAMPLES) {
      const op = OPS.find((o) => o.decl.operationId === example.operationId);
      expect(op, example.operationId).toBeDefined();
      if (!op) continue;
      const token = tokens[example.role];
      const res = await send(op, example.request, token && `Bearer ${token}`);
      expect(problemWith(op, res), describeExchange(op, example.request, res)).toBeNull();
    }
  });

  // Once a bare 500 and a bare 405 from Next.js (issue 16); the front door (lib/front-door.ts) answers both in the shape.
  it('an id in the path that is not UTF-8 (%FF) is a 400 in the error shape on every route with an id', async () => {
    const wrong: string[] = [];
    for (const op of OPS.filter((o) => o.pathParams.length)) {
      for (const segment of undecodablePathSegments) {
        const req: FuzzRequest = { path: fillPath(op.decl.path, Object.fromEntries(op.pathParams.map((p) => [p.name, segment]))), query: '' };
        const res = await send(op, req, `Bearer ${tokens.admin}`);
        const problem = problemWith(op, res) ?? (res.status === 400 ? null : `a ${res.status}, not 400`);
        if (problem) wrong.push(`${problem}: ${describeExchange(op, req, res)}`);
      }
    }
    expect(wrong, wrong.slice(0, 5).join('\n')).toEqual([]);
  });

  it('a method the route does not have is a 405 in the error shape, also reached through a dot segment', async () => {
    const wrong: string[] = [];
    const credits = OPS.find((o) => o.decl.operationId === 'listCredits');
    const grant = OPS.find((o) => o.decl.operationId === 'grantCredit');
    if (!credits || !grant) throw new Error('listCredits and grantCredit are in the document');
    for (const [op, req, method] of [
      [credits, { path: '/api/v1/credits', query: '', body: json({}) }, 'POST'],
      [credits, { path: '/api/v1/credits', query: '' }, 'DELETE'],
      ...dotPathSegments.map((segment) => [grant, { path: `/api/v1/clients/${segment}/credits`, query: '', body: json({}) }, 'POST'] as const),
    ] as const) {
      const res = await send(op, req, `Bearer ${tokens.admin}`, 0, method);
      const problem = problemWith(op, res) ?? (res.status === 405 ? null : `a ${res.status}, not 405`);
      if (problem) wrong.push(`${problem}: ${method} ${describeExchange(op, req, res)}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  OPS.forEach((op, i) => {
    it(`${op.key} (${op.decl.operationId}): no 5xx, every error in the shape`, async () => {
      const results = await Promise.allSettled([...ROLES.map((role, r) => fuzzAs(op, role, i * ROLES.length + r).then(() => [])), edgesOf(op, i)]);
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error)?.message ?? r.reason)] : r.value));
      expect(failures, failures.join('\n\n')).toEqual([]);
    });
  });
});
