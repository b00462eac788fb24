'use server';

import { revalidatePath } from 'next/cache';
import { payments } from '@/lib/flows';
import { formAction } from '@/lib/http';
import { backfillBody } from '@/lib/payments';

const HOUR_MS = 60 * 60 * 1000;
const MAX_HOURS = 30 * 24;

/** An admin's replay of one received event, through the same exactly-once path as a delivery. */
export const replayWebhookEventAction = formAction({ access: ['admin'] }, async ({ user, input }) => {
  const id = input.text('event_id');
  const result = await payments.replayWebhookEvent(id, user);
  revalidatePath('/admin/webhooks');
  revalidatePath(`/admin/webhooks/${id}`);
  if (result.outcome === 'failed') return { error: `The handler failed again: ${result.error ?? 'no message'}` };
  if (result.outcome === 'duplicate') return { ok: 'Nothing to do: this event’s effect was already applied. Recorded as a duplicate replay.' };
  if (result.outcome === 'ignored') return { ok: 'The app does not act on this type of event; nothing changed.' };
  return { ok: 'Handled: the event’s effect is now applied.' };
});

/** An admin's backfill: Stripe's events of a recent window that the app never received are handled now. */
export const backfillWebhookEventsAction = formAction(
  {
    access: ['admin'],
    schema: backfillBody,
    body: (input) => {
      const hours = Number(input.text('hours'));
      const window = Number.isInteger(hours) && hours > 0 && hours <= MAX_HOURS ? hours : 24;
      return { since: new Date(Date.now() - window * HOUR_MS).toISOString() };
    },
  },
  async ({ user, body }) => {
    const r = await payments.backfillStripeEvents(body.since, user);
    revalidatePath('/admin/webhooks');
    const missed = r.handled + r.duplicate + r.ignored + r.failed;
    const summary =
      missed === 0
        ? `Stripe listed ${r.listed} event${r.listed === 1 ? '' : 's'}; the app had received every one.`
        : `Stripe listed ${r.listed}; ${missed} had not arrived: ${r.handled} handled, ${r.ignored} ignored, ${r.duplicate} already applied, ${r.failed} failed.`;
    return r.failed > 0 ? { error: summary } : { ok: summary };
  },
);
