import { links } from '../links';
import type { BookingSnapshot, MessageData } from '../messages';
import { P } from './layout';
import { amount, at, BookingMessage, kindNoun, startsAt, type Viewer } from './parts';
import type { TemplateProps, TemplateTable } from './types';

type By = MessageData['booking_cancelled']['by'];

/** "You cancelled Morning Flow on Sun 29 Mar, 09:00 BST." from the reader's side. */
function cancellation(by: By, b: BookingSnapshot, viewer: Viewer, practice: string): string {
  const when = `on ${startsAt(b, viewer)}`;
  if (viewer === 'client') {
    const who = by === 'client' ? 'You' : by === 'provider' ? b.provider_name : practice;
    return `${who} cancelled ${b.title} ${when}.`;
  }
  if (by === 'client') return `${b.client_name} cancelled their booking of ${b.title} ${when}.`;
  return `${by === 'provider' ? 'You' : practice} cancelled ${b.client_name}'s booking of ${b.title} ${when}.`;
}

function refundSentence({ booking: b, by, refund }: MessageData['booking_cancelled']): string | null {
  if (refund === 'card') return b.paid ? `${amount(b.paid)} is being refunded to your card.` : 'Your payment is being refunded to your card.';
  if (refund === 'credit') return 'Your class credit has been returned to your account.';
  if (by === 'client' && (b.paid || b.credit_used)) {
    return `It was cancelled less than ${b.cancellation_window_hours} hours before the start, so nothing is refunded.`;
  }
  return null;
}

export function BookingConfirmed({ data: { booking }, ctx }: TemplateProps<'booking_confirmed'>) {
  return (
    <BookingMessage ctx={ctx} booking={booking} heading="You're booked" policy>
      <P>
        Your {kindNoun(booking)} {booking.title} with {booking.provider_name} is confirmed. The calendar invitation is attached.
      </P>
    </BookingMessage>
  );
}

export function BookingNewForProvider({ data: { booking }, ctx }: TemplateProps<'booking_new_for_provider'>) {
  return (
    <BookingMessage ctx={ctx} booking={booking} heading="New booking" viewer="provider">
      <P>
        {booking.client_name} booked {booking.title} on {startsAt(booking, 'provider')}.
      </P>
    </BookingMessage>
  );
}

export function BookingCancelled({ data, ctx }: TemplateProps<'booking_cancelled'>) {
  const { booking, by, reason } = data;
  const refund = refundSentence(data);
  return (
    <BookingMessage ctx={ctx} booking={booking} heading="Booking cancelled">
      <P>
        {cancellation(by, booking, 'client', ctx.practice_name)}
        {reason ? ` Reason: ${reason}` : ''}
      </P>
      {refund ? <P>{refund}</P> : null}
    </BookingMessage>
  );
}

export function BookingCancelledForProvider({ data: { booking, by, reason }, ctx }: TemplateProps<'booking_cancelled_for_provider'>) {
  return (
    <BookingMessage ctx={ctx} booking={booking} heading="Booking cancelled" viewer="provider">
      <P>
        {cancellation(by, booking, 'provider', ctx.practice_name)}
        {reason ? ` Reason: ${reason}` : ''}
      </P>
    </BookingMessage>
  );
}

export function BookingRescheduled({ data: { booking, previous_starts_at }, ctx }: TemplateProps<'booking_rescheduled'>) {
  return (
    <BookingMessage ctx={ctx} booking={booking} heading="Booking moved" policy>
      <P>
        {booking.title} has moved from {at(previous_starts_at, booking.client_zone)} to {startsAt(booking)}. The calendar invitation attached
        updates the entry you already have.
      </P>
    </BookingMessage>
  );
}

export function WaitlistOffer({ data: { booking, hold_expires_at }, ctx }: TemplateProps<'waitlist_offer'>) {
  const action = { href: links.pay(ctx, booking.booking_id), label: 'Claim your place' };
  return (
    <BookingMessage ctx={ctx} booking={booking} heading="A place opened up" policy unpaid action={action}>
      <P>
        A place in {booking.title} is held for you until {at(hold_expires_at, booking.client_zone)}. After that it goes to the next person
        waiting.
      </P>
    </BookingMessage>
  );
}

export function SessionReminder({ data: { booking }, ctx }: TemplateProps<'session_reminder'>) {
  return (
    <BookingMessage ctx={ctx} booking={booking} heading={`Coming up: ${booking.title}`} policy>
      <P>
        A reminder that your {kindNoun(booking)} with {booking.provider_name} starts {startsAt(booking)}.
      </P>
    </BookingMessage>
  );
}

const request = ({ booking }: { booking: BookingSnapshot }) => ({ booking, method: 'REQUEST' as const });
const cancel = ({ booking }: { booking: BookingSnapshot }) => ({ booking, method: 'CANCEL' as const });

export const bookingTemplates: TemplateTable<
  | 'booking_confirmed'
  | 'booking_new_for_provider'
  | 'booking_cancelled'
  | 'booking_cancelled_for_provider'
  | 'booking_rescheduled'
  | 'waitlist_offer'
  | 'session_reminder'
> = {
  booking_confirmed: { subject: ({ booking: b }) => `Booking confirmed: ${b.title}, ${startsAt(b)}`, Component: BookingConfirmed, invitation: request },
  booking_new_for_provider: {
    subject: ({ booking: b }) => `New booking: ${b.title}, ${startsAt(b, 'provider')} (${b.client_name})`,
    Component: BookingNewForProvider,
  },
  booking_cancelled: { subject: ({ booking: b }) => `Booking cancelled: ${b.title}, ${startsAt(b)}`, Component: BookingCancelled, invitation: cancel },
  booking_cancelled_for_provider: {
    subject: ({ booking: b }) => `Booking cancelled: ${b.title}, ${startsAt(b, 'provider')} (${b.client_name})`,
    Component: BookingCancelledForProvider,
  },
  booking_rescheduled: { subject: ({ booking: b }) => `Booking moved: ${b.title}, now ${startsAt(b)}`, Component: BookingRescheduled, invitation: request },
  waitlist_offer: { subject: ({ booking: b }) => `A place opened up: ${b.title}, ${startsAt(b)}`, Component: WaitlistOffer },
  session_reminder: { subject: ({ booking: b }) => `Reminder: ${b.title}, ${startsAt(b)}`, Component: SessionReminder },
};
