import 'server-only';
import { and, asc, count, eq, gt, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookings, questionnaires, users } from '@/db/schema';
import { now } from '@/lib/clock';
import type { PublicUser } from '@/lib/users';
import { toStatus, type QuestionnaireState } from './status';

type Viewer = Pick<PublicUser, 'id' | 'role'>;

export const LISTABLE_STATES = ['needs_clearance', 'valid', 'expired', 'all'] as const;
export type ListableState = (typeof LISTABLE_STATES)[number];

export interface QuestionnaireListItem {
  id: string;
  client: { id: string; name: string; email: string };
  completed_at: string;
  expires_at: string;
  requires_clearance: boolean;
  cleared_at: string | null;
  state: QuestionnaireState;
}

export interface QuestionnaireList {
  questionnaires: QuestionnaireListItem[];
  total: number;
  page: number;
  page_size: number;
}

function stateFilter(state: ListableState, at: Date): SQL | undefined {
  const live = gt(questionnaires.expiresAt, at);
  switch (state) {
    case 'needs_clearance':
      return and(live, eq(questionnaires.requiresClearance, true), isNull(questionnaires.clearedAt));
    case 'valid':
      return and(live, or(eq(questionnaires.requiresClearance, false), isNotNull(questionnaires.clearedAt)));
    case 'expired':
      return lte(questionnaires.expiresAt, at);
    case 'all':
      return undefined;
  }
}

/**
 * Current questionnaires for the admin (everyone's) or a provider (only clients
 * who booked with them), oldest first so the longest wait is on top. Metadata
 * only: answers never appear in a list.
 */
export async function listQuestionnaires(
  viewer: Viewer,
  options: { state: ListableState; page: number; pageSize: number; at?: Date },
): Promise<QuestionnaireList> {
  const at = options.at ?? now();
  const filters: (SQL | undefined)[] = [isNull(questionnaires.supersededAt), stateFilter(options.state, at)];
  if (viewer.role === 'provider') {
    filters.push(
      sql`exists (select 1 from ${bookings} where ${bookings.providerId} = ${viewer.id} and ${bookings.clientId} = ${questionnaires.userId})`,
    );
  } else if (viewer.role !== 'admin') {
    return { questionnaires: [], total: 0, page: options.page, page_size: options.pageSize };
  }
  const where = and(...filters);
  const db = getDb();
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        id: questionnaires.id,
        completedAt: questionnaires.completedAt,
        expiresAt: questionnaires.expiresAt,
        requiresClearance: questionnaires.requiresClearance,
        clearedAt: questionnaires.clearedAt,
        clientId: users.id,
        clientName: users.name,
        clientEmail: users.email,
      })
      .from(questionnaires)
      .innerJoin(users, eq(users.id, questionnaires.userId))
      .where(where)
      .orderBy(asc(questionnaires.completedAt), asc(questionnaires.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(questionnaires).where(where),
  ]);
  return {
    questionnaires: rows.map((r) => {
      const status = toStatus(r, at);
      return {
        id: r.id,
        client: { id: r.clientId, name: r.clientName, email: r.clientEmail },
        completed_at: r.completedAt.toISOString(),
        expires_at: r.expiresAt.toISOString(),
        requires_clearance: r.requiresClearance,
        cleared_at: r.clearedAt?.toISOString() ?? null,
        state: status.state,
      };
    }),
    total: totalRow?.n ?? 0,
    page: options.page,
    page_size: options.pageSize,
  };
}
