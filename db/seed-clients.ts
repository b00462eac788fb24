import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from './client';
import { classPackages, creditEntries, credits, questionnaires, users } from './schema';
import { keyFromBase64 } from '@/lib/crypto/field-encryption';
import { encryptJson } from '@/lib/crypto';
import { CONSENT_TEXT, QUESTION_IDS } from '@/lib/questionnaire';
import { QUESTION_SET_VERSION } from '@/lib/questionnaire/questions';
import { expiryFor } from '@/lib/questionnaire/status';

/**
 * What the demo clients come with, so the app can be tried at once: a valid
 * health questionnaire (every medical answer "no", so nothing awaits
 * clearance) and a class pass credit. Their bookings, past and coming, are the
 * demo earnings' paid sessions (db/seed-earnings.ts). One demo client has
 * none of it, to try the questionnaire and a first booking (README).
 * A client who already has a questionnaire or a credit is left alone.
 */
export const DEMO_CLIENTS_WITH_HISTORY = ['alice@wellbook.test', 'ben@wellbook.test', 'chloe@wellbook.test'];

const DAY_MS = 86_400_000;
const PASS = '5 Class Pass';

const contacts: Record<string, { name: string; phone: string; relationship: string }> = {
  'alice@wellbook.test': { name: 'Rob Brown', phone: '+44 7700 900101', relationship: 'Partner' },
  'ben@wellbook.test': { name: 'Jo Clarke', phone: '+44 7700 900102', relationship: 'Sister' },
  'chloe@wellbook.test': { name: 'Sam Davies', phone: '+44 7700 900103', relationship: 'Father' },
};

/**
 * `questionnaireKey` is the app's QUESTIONNAIRE_KEY (base64): the answers are
 * stored encrypted with it. Without one no questionnaire is seeded.
 */
export async function seedDemoClients(tx: Tx, startedAt: Date, questionnaireKey: string | undefined): Promise<void> {
  const rows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, DEMO_CLIENTS_WITH_HISTORY));
  const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'admin@wellbook.test'));
  const [pass] = await tx.select().from(classPackages).where(eq(classPackages.name, PASS));
  const key = questionnaireKey ? keyFromBase64(questionnaireKey) : undefined;

  for (const [i, client] of rows.entries()) {
    // Completed some weeks before the seed date: valid for most of a year.
    const completedAt = new Date(startedAt.getTime() - (30 + 10 * i) * DAY_MS);
    const [current] = await tx
      .select({ n: count() })
      .from(questionnaires)
      .where(and(eq(questionnaires.userId, client.id), isNull(questionnaires.supersededAt)));
    const contact = contacts[client.email];
    if (key && contact && !current?.n) {
      const payload = {
        answers: Object.fromEntries(QUESTION_IDS.map((id) => [id, false])),
        emergency_contact: contact,
        consent_text: CONSENT_TEXT,
        question_set_version: QUESTION_SET_VERSION,
      };
      await tx.insert(questionnaires).values({
        userId: client.id,
        answersEncrypted: encryptJson(payload, client.id, key),
        questionSetVersion: QUESTION_SET_VERSION,
        completedAt,
        expiresAt: expiryFor(completedAt),
        requiresClearance: false,
        createdAt: completedAt,
      });
    }

    const [held] = await tx.select({ n: count() }).from(credits).where(eq(credits.clientId, client.id));
    if (pass && !held?.n) {
      const purchasedAt = new Date(startedAt.getTime() - (20 + 5 * i) * DAY_MS);
      // Written as lib/credits' grant leaves them (a credit and its grant entry), without the e-mail it queues.
      const [credit] = await tx
        .insert(credits)
        .values({
          clientId: client.id,
          packageId: pass.id,
          source: 'admin',
          packageName: pass.name,
          totalUses: pass.classCount,
          remainingUses: pass.classCount,
          amountPaid: 0,
          currency: pass.currency,
          feeBps: 0,
          purchasedAt,
          expiresAt: new Date(purchasedAt.getTime() + pass.validityDays * DAY_MS),
          classScope: 'all',
          classIds: [],
          sessionTypeIds: [],
          createdAt: purchasedAt,
          updatedAt: purchasedAt,
        })
        .returning({ id: credits.id });
      if (!credit) throw new Error('demo credit was not created');
      await tx.insert(creditEntries).values({
        creditId: credit.id,
        kind: 'grant',
        delta: pass.classCount,
        actorId: admin?.id ?? null,
        reason: 'Demo: a complimentary class pass',
        createdAt: purchasedAt,
      });
    }
  }
}
