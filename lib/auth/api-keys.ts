import 'server-only';
import { and, count, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiKeyCalls, apiKeys, users, type ApiKey } from '@/db/schema';
import { now } from '@/lib/clock';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import type { PublicUser } from '@/lib/users';
import { apiKeyPrefix, generateApiKey, hashApiKey, isWellFormedApiKey } from './api-key-format';

/** The integration behind a request made with a valid API key. */
export interface ApiKeyCaller {
  id: string;
  name: string;
}

export interface ApiKeyDto {
  id: string;
  name: string;
  /** The key's first characters, to tell keys apart; never the key. */
  prefix: string;
  status: 'active' | 'revoked';
  created_at: string;
  created_by: { id: string; name: string } | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ApiKeyCallDto {
  id: number;
  method: string;
  path: string;
  status: number;
  ip: string | null;
  created_at: string;
}

// last_used_at is a hint for admins, not an audit: written at most once a minute per key.
const LAST_USED_RESOLUTION_MS = 60_000;

function toApiKeyDto(key: ApiKey, creatorName: string | null): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    status: key.revokedAt ? 'revoked' : 'active',
    created_at: key.createdAt.toISOString(),
    created_by: key.createdBy ? { id: key.createdBy, name: creatorName ?? 'Former user' } : null,
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
  };
}

/** Makes a key; the full key is in this answer only (the database keeps its SHA-256). */
export async function createApiKey(name: string, admin: PublicUser): Promise<{ key: string; api_key: ApiKeyDto }> {
  const key = generateApiKey();
  const row = await getDb().transaction(async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({ name: name.trim(), keyHash: hashApiKey(key), prefix: apiKeyPrefix(key), createdBy: admin.id, createdAt: now() })
      .returning();
    if (!created) throw new Error('api key was not created');
    await recordAudit(tx, admin, { action: 'api_key.created', subject_type: 'api_key', subject_id: created.id, after: { name: created.name, prefix: created.prefix } });
    return created;
  });
  logger.info('api key created', { api_key_id: row.id, created_by: admin.id });
  return { key, api_key: toApiKeyDto(row, admin.name) };
}

/** Every key, active first, newest first; never a key or its hash. */
export async function listApiKeys(): Promise<ApiKeyDto[]> {
  const rows = await getDb()
    .select({ key: apiKeys, creatorName: users.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .orderBy(desc(isNull(apiKeys.revokedAt)), desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map((r) => toApiKeyDto(r.key, r.creatorName));
}

export async function findApiKey(id: string): Promise<ApiKeyDto | null> {
  const [row] = await getDb()
    .select({ key: apiKeys, creatorName: users.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.id, id))
    .limit(1);
  return row ? toApiKeyDto(row.key, row.creatorName) : null;
}

/** Revokes a key at once; revoking it again changes nothing (the first revocation's time and admin stay). */
export async function revokeApiKey(id: string, admin: PublicUser): Promise<ApiKeyDto> {
  const revoked = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: now(), revokedBy: admin.id })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
    if (row) await recordAudit(tx, admin, { action: 'api_key.revoked', subject_type: 'api_key', subject_id: row.id, before: { name: row.name, prefix: row.prefix, revoked: false }, after: { revoked: true } });
    return row;
  });
  if (revoked) logger.info('api key revoked', { api_key_id: id, revoked_by: admin.id });
  const key = await findApiKey(id);
  if (!key) throw new AppError('not_found', 'No such API key.');
  return key;
}

/** The key a token names, revoked or not; null when it names none. */
export async function identifyApiKey(token: string): Promise<(ApiKeyCaller & { revoked: boolean }) | null> {
  if (!isWellFormedApiKey(token)) return null;
  const [row] = await getDb()
    .select({ id: apiKeys.id, name: apiKeys.name, revokedAt: apiKeys.revokedAt, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, hashApiKey(token)))
    .limit(1);
  if (!row) return null;
  if (!row.revokedAt) await touchLastUsed(row.id, row.lastUsedAt);
  return { id: row.id, name: row.name, revoked: row.revokedAt !== null };
}

/** The integration a live key belongs to, or null for an unknown or revoked key. */
export async function authenticateApiKey(token: string): Promise<ApiKeyCaller | null> {
  const key = await identifyApiKey(token);
  return key && !key.revoked ? { id: key.id, name: key.name } : null;
}

async function touchLastUsed(id: string, lastUsedAt: Date | null): Promise<void> {
  const at = now();
  if (lastUsedAt && at.getTime() - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  const threshold = new Date(at.getTime() - LAST_USED_RESOLUTION_MS);
  await getDb()
    .update(apiKeys)
    .set({ lastUsedAt: at })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, threshold))));
}

/** Audits one call made with an API key: method, path (no query string) and final status; never a body. */
export async function recordApiKeyCall(call: { apiKeyId: string | null; method: string; path: string; status: number; ip: string | null }): Promise<void> {
  await getDb()
    .insert(apiKeyCalls)
    .values({ apiKeyId: call.apiKeyId, method: call.method.slice(0, 16), path: call.path.split('?')[0]?.slice(0, 500) ?? '', status: call.status, ip: call.ip, createdAt: now() });
}

/** A key's audit log, newest first. */
export async function listApiKeyCalls(id: string, options: { page: number; pageSize: number }): Promise<{ calls: ApiKeyCallDto[]; total: number; page: number; page_size: number }> {
  if (!(await findApiKey(id))) throw new AppError('not_found', 'No such API key.');
  const where = eq(apiKeyCalls.apiKeyId, id);
  const [rows, [total]] = await Promise.all([
    getDb()
      .select()
      .from(apiKeyCalls)
      .where(where)
      .orderBy(desc(apiKeyCalls.createdAt), desc(apiKeyCalls.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    getDb().select({ n: count() }).from(apiKeyCalls).where(where),
  ]);
  return {
    calls: rows.map((c) => ({ id: c.id, method: c.method, path: c.path, status: c.status, ip: c.ip, created_at: c.createdAt.toISOString() })),
    total: total?.n ?? 0,
    page: options.page,
    page_size: options.pageSize,
  };
}

/** The latest calls of several keys at once (the admin page), grouped by key. */
export async function recentCallsByKey(ids: string[], perKey: number): Promise<Map<string, ApiKeyCallDto[]>> {
  const out = new Map<string, ApiKeyCallDto[]>();
  await Promise.all(
    ids.map(async (id) => {
      const { calls } = await listApiKeyCalls(id, { page: 1, pageSize: perKey });
      out.set(id, calls);
    }),
  );
  return out;
}
