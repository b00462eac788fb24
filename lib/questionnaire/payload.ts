import 'server-only';
import { z } from 'zod';
import { decryptJson } from '@/lib/crypto';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';

// Decrypted data is checked like any input: a ciphertext proves who wrote it, not its shape.
const payloadSchema = z.object({
  answers: z.record(z.string(), z.boolean()),
  emergency_contact: z.object({ name: z.string(), phone: z.string(), relationship: z.string() }),
  consent_text: z.string(),
  question_set_version: z.number().int(),
});

/** What the answers_encrypted column holds, once decrypted. */
export type QuestionnairePayload = z.output<typeof payloadSchema>;

const noteSchema = z.object({ note: z.string() });

function unreadable(questionnaireId: string, err: unknown): AppError {
  // Ids only: the error of a decryption carries no plaintext, but we log nothing from the payload either.
  logger.error('questionnaire could not be decrypted', { questionnaire_id: questionnaireId, error: (err as Error)?.name });
  return new AppError('internal_error', 'This questionnaire could not be read. Please contact support.');
}

export function decryptPayload(row: { id: string; userId: string; answersEncrypted: string }): QuestionnairePayload {
  try {
    return payloadSchema.parse(decryptJson(row.answersEncrypted, row.userId));
  } catch (err) {
    throw unreadable(row.id, err);
  }
}

export function decryptNote(row: { id: string; userId: string; clearanceNoteEncrypted: string | null }): string | null {
  if (row.clearanceNoteEncrypted === null) return null;
  try {
    return noteSchema.parse(decryptJson(row.clearanceNoteEncrypted, row.userId)).note;
  } catch (err) {
    throw unreadable(row.id, err);
  }
}
