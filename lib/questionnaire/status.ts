import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, type Database } from '@/db/client';
import { questionnaires } from '@/db/schema';
import { now } from '@/lib/clock';
import { DAY_MS } from '@/lib/time';

export const VALID_DAYS = 365;
export const RENEWAL_WINDOW_DAYS = 30;

export type QuestionnaireState = 'missing' | 'expired' | 'needs_clearance' | 'valid';

/** The client's current questionnaire as PRODUCT.md's REST table describes it. Dates are ISO strings. */
export interface QuestionnaireStatus {
  /** The current questionnaire's id (for clearing it), null when there is none. */
  id: string | null;
  state: QuestionnaireState;
  completed_at: string | null;
  expires_at: string | null;
  valid_for_booking: boolean;
  requires_clearance: boolean;
  cleared_at: string | null;
  /** Within RENEWAL_WINDOW_DAYS of expiry, or expired. False when there is nothing to renew. */
  due_for_renewal: boolean;
  /** Whole days left, rounded up; 0 once expired; null when missing. */
  days_until_expiry: number | null;
}

/** A transaction or the database: status reads can join a caller's transaction. */
export type Executor = Pick<Database, 'select'>;

export const statusColumns = {
  id: questionnaires.id,
  userId: questionnaires.userId,
  completedAt: questionnaires.completedAt,
  expiresAt: questionnaires.expiresAt,
  requiresClearance: questionnaires.requiresClearance,
  clearedAt: questionnaires.clearedAt,
};

export type StatusRow = {
  id: string;
  completedAt: Date;
  expiresAt: Date;
  requiresClearance: boolean;
  clearedAt: Date | null;
};

export function expiryFor(completedAt: Date): Date {
  return new Date(completedAt.getTime() + VALID_DAYS * DAY_MS);
}

export function stateOf(row: StatusRow | undefined, at: Date): QuestionnaireState {
  if (!row) return 'missing';
  // An expired questionnaire must be renewed whatever its clearance: renewal comes first.
  if (row.expiresAt.getTime() <= at.getTime()) return 'expired';
  if (row.requiresClearance && !row.clearedAt) return 'needs_clearance';
  return 'valid';
}

export function toStatus(row: StatusRow | undefined, at: Date): QuestionnaireStatus {
  const state = stateOf(row, at);
  if (!row) {
    return {
      id: null,
      state,
      completed_at: null,
      expires_at: null,
      valid_for_booking: false,
      requires_clearance: false,
      cleared_at: null,
      due_for_renewal: false,
      days_until_expiry: null,
    };
  }
  const msLeft = row.expiresAt.getTime() - at.getTime();
  return {
    id: row.id,
    state,
    completed_at: row.completedAt.toISOString(),
    expires_at: row.expiresAt.toISOString(),
    valid_for_booking: state === 'valid',
    requires_clearance: row.requiresClearance,
    cleared_at: row.clearedAt?.toISOString() ?? null,
    due_for_renewal: msLeft <= RENEWAL_WINDOW_DAYS * DAY_MS,
    days_until_expiry: Math.max(0, Math.ceil(msLeft / DAY_MS)),
  };
}

export async function questionnaireStatus(userId: string, at: Date = now(), db: Executor = getDb()): Promise<QuestionnaireStatus> {
  const [row] = await db
    .select(statusColumns)
    .from(questionnaires)
    .where(and(eq(questionnaires.userId, userId), isNull(questionnaires.supersededAt)))
    .limit(1);
  return toStatus(row, at);
}

/** Statuses of many clients in one query (provider and admin lists); every id asked for is in the map. */
export async function questionnaireStatuses(userIds: readonly string[], at: Date = now()): Promise<Map<string, QuestionnaireStatus>> {
  const ids = [...new Set(userIds)];
  const rows = ids.length
    ? await getDb()
        .select(statusColumns)
        .from(questionnaires)
        .where(and(inArray(questionnaires.userId, ids), isNull(questionnaires.supersededAt)))
    : [];
  const byUser = new Map(rows.map((r) => [r.userId, r]));
  return new Map(ids.map((id) => [id, toStatus(byUser.get(id), at)]));
}
