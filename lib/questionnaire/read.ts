import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { questionnaires, users } from '@/db/schema';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import type { PublicUser } from '@/lib/users';
import { canViewQuestionnaire } from './access';
import { decryptNote, decryptPayload } from './payload';
import { toStatus, type QuestionnaireStatus } from './status';

type Viewer = Pick<PublicUser, 'id' | 'role'>;

export interface QuestionnaireHistoryEntry {
  id: string;
  completed_at: string;
  expires_at: string;
  superseded_at: string | null;
  requires_clearance: boolean;
  cleared_at: string | null;
}

export interface CurrentQuestionnaire {
  id: string;
  question_set_version: number;
  completed_at: string;
  expires_at: string;
  /** Question id -> the client's yes (true) or no (false). */
  answers: Record<string, boolean>;
  emergency_contact: { name: string; phone: string; relationship: string };
  consent_text: string;
  requires_clearance: boolean;
  cleared_at: string | null;
  cleared_by: { id: string; name: string } | null;
  clearance_note: string | null;
}

export interface QuestionnaireView {
  client: { id: string; name: string; email: string };
  status: QuestionnaireStatus;
  current: CurrentQuestionnaire | null;
  /** Every questionnaire the client completed, newest first, dates only. */
  history: QuestionnaireHistoryEntry[];
}

const notFound = () => new AppError('not_found', 'No such client questionnaire.');

/** Decrypted current questionnaire and history dates, for the client, an admin or one of the client's providers. */
export async function readQuestionnaire(clientId: string, viewer: Viewer, at: Date = now()): Promise<QuestionnaireView> {
  // 404 rather than 403: whether a client (or a questionnaire) exists is not for others to learn.
  if (!(await canViewQuestionnaire(viewer, clientId))) throw notFound();
  const db = getDb();
  const [client] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, clientId), eq(users.role, 'client')))
    .limit(1);
  if (!client) throw notFound();

  const clearer = alias(users, 'clearer');
  const rows = await db
    .select({
      id: questionnaires.id,
      userId: questionnaires.userId,
      answersEncrypted: questionnaires.answersEncrypted,
      questionSetVersion: questionnaires.questionSetVersion,
      completedAt: questionnaires.completedAt,
      expiresAt: questionnaires.expiresAt,
      requiresClearance: questionnaires.requiresClearance,
      clearedAt: questionnaires.clearedAt,
      clearanceNoteEncrypted: questionnaires.clearanceNoteEncrypted,
      supersededAt: questionnaires.supersededAt,
      clearedById: clearer.id,
      clearedByName: clearer.name,
    })
    .from(questionnaires)
    .leftJoin(clearer, eq(clearer.id, questionnaires.clearedBy))
    .where(eq(questionnaires.userId, clientId))
    .orderBy(desc(questionnaires.completedAt), desc(questionnaires.createdAt));

  const row = rows.find((r) => r.supersededAt === null);
  let current: CurrentQuestionnaire | null = null;
  if (row) {
    const payload = decryptPayload(row);
    current = {
      id: row.id,
      question_set_version: row.questionSetVersion,
      completed_at: row.completedAt.toISOString(),
      expires_at: row.expiresAt.toISOString(),
      answers: payload.answers,
      emergency_contact: payload.emergency_contact,
      consent_text: payload.consent_text,
      requires_clearance: row.requiresClearance,
      cleared_at: row.clearedAt?.toISOString() ?? null,
      cleared_by: row.clearedById && row.clearedByName ? { id: row.clearedById, name: row.clearedByName } : null,
      clearance_note: decryptNote(row),
    };
  }
  return {
    client,
    status: toStatus(row, at),
    current,
    history: rows.map((r) => ({
      id: r.id,
      completed_at: r.completedAt.toISOString(),
      expires_at: r.expiresAt.toISOString(),
      superseded_at: r.supersededAt?.toISOString() ?? null,
      requires_clearance: r.requiresClearance,
      cleared_at: r.clearedAt?.toISOString() ?? null,
    })),
  };
}

/** The client's own current answers and emergency contact (for GET /api/v1/questionnaire and renewal). */
export async function readOwnAnswers(
  userId: string,
): Promise<{ answers: Record<string, boolean>; emergency_contact: { name: string; phone: string; relationship: string } } | null> {
  const [row] = await getDb()
    .select({ id: questionnaires.id, userId: questionnaires.userId, answersEncrypted: questionnaires.answersEncrypted })
    .from(questionnaires)
    .where(and(eq(questionnaires.userId, userId), isNull(questionnaires.supersededAt)))
    .limit(1);
  if (!row) return null;
  const payload = decryptPayload(row);
  return { answers: payload.answers, emergency_contact: payload.emergency_contact };
}
