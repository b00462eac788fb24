import 'server-only';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { auditLog, users } from '@/db/schema';

/**
 * The audit log: who changed money, access or settings, when, and what it was
 * before and after. Written only here, always inside the caller's transaction
 * (pass the `tx` of the change), so the record and the change commit together
 * or not at all. Nothing updates or deletes a row (a trigger refuses both).
 */

/** Who acted: a signed-in admin or provider, or the system (a job, a replay the worker ran). */
export interface AuditActor {
  id: string | null;
  role: string;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, role: 'system' };

export interface AuditEntry {
  action: string;
  subject_type: string;
  subject_id: string;
  before?: unknown;
  after?: unknown;
  note?: string;
}

export async function recordAudit(tx: DbOrTx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.id,
    actorRole: actor.role,
    action: entry.action,
    subjectType: entry.subject_type,
    subjectId: entry.subject_id,
    before: entry.before ?? null,
    after: entry.after ?? null,
    note: entry.note ?? '',
  });
}

export interface AuditDto {
  id: string;
  at: string;
  actor: { id: string; name: string | null; role: string } | null;
  action: string;
  subject_type: string;
  subject_id: string;
  before: unknown;
  after: unknown;
  note: string;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** Newest first, filtered by actor id, action (exact, or a prefix ending in '.': 'user.'), and [from, to). */
export async function listAudit(q: AuditQuery): Promise<{ entries: AuditDto[]; total: number; page: number; page_size: number }> {
  const where: SQL[] = [];
  if (q.actor) where.push(eq(auditLog.actorId, q.actor));
  if (q.action) where.push(q.action.endsWith('.') ? sql`${auditLog.action} like ${`${q.action.replace(/[%_\\]/g, '\\$&')}%`}` : eq(auditLog.action, q.action));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lt(auditLog.at, q.to));
  const cond = where.length ? and(...where) : undefined;
  const db = getDb();
  const [rows, [count]] = await Promise.all([
    db
      .select({ row: auditLog, actorName: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(cond)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(cond),
  ]);
  return {
    entries: rows.map(({ row, actorName }) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: row.actorId ? { id: row.actorId, name: actorName, role: row.actorRole } : row.actorRole === 'system' ? null : { id: '', name: null, role: row.actorRole },
      action: row.action,
      subject_type: row.subjectType,
      subject_id: row.subjectId,
      before: row.before,
      after: row.after,
      note: row.note,
    })),
    total: count?.n ?? 0,
    page: q.page,
    page_size: q.pageSize,
  };
}

export { listAuditQuery, type ListAuditQuery } from './api-schemas';
