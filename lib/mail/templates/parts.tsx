import { Link } from '@react-email/components';
import type { ReactNode } from 'react';
import { formatMoney, type Money } from '@/lib/money';
import { formatDateTime, formatDayShort, formatTimeRange, localDate } from '@/lib/time-format';
import { links } from '../links';
import type { BookingSnapshot, MessageContext } from '../messages';
import { Action, Details, Layout, P, styles, type Row } from './layout';

/** Who reads the message: times show in their zone first, and "with" names the other side. */
export type Viewer = 'client' | 'provider';

function zoneOf(b: BookingSnapshot, viewer: Viewer): string {
  return viewer === 'client' ? b.client_zone : b.provider_zone;
}

/** "Sun 29 Mar, 09:00 BST", in the viewer's zone: for subjects and sentences. */
export function startsAt(b: BookingSnapshot, viewer: Viewer = 'client'): string {
  return formatDateTime(b.starts_at, zoneOf(b, viewer));
}

/** An instant with its zone; UTC when the message knows no zone of its reader. */
export function at(iso: string, zone = 'UTC'): string {
  return formatDateTime(iso, zone);
}

/** "Sun 29 Mar, 09:00–10:00 BST" */
function span(b: BookingSnapshot, zone: string): string {
  return `${formatDayShort(localDate(b.starts_at, zone))}, ${formatTimeRange(b.starts_at, b.ends_at, zone)}`;
}

export function kindNoun(b: BookingSnapshot): string {
  return b.kind === 'class' ? 'class' : 'session';
}

export function amount(m: Money): string {
  return formatMoney(m, { zero: 'amount' });
}

function paidFor(b: BookingSnapshot): string {
  if (b.credit_used) return 'Paid with a class credit';
  return b.paid ? amount(b.paid) : 'Free';
}

function where(b: BookingSnapshot): ReactNode {
  if (b.location) return b.location;
  if (b.online_url) {
    return (
      <Link href={b.online_url} style={styles.link}>
        {b.online_url}
      </Link>
    );
  }
  return null;
}

export interface BookingDetailsProps {
  booking: BookingSnapshot;
  viewer?: Viewer;
  /** Show the cancellation window (upcoming bookings). */
  policy?: boolean;
  /** Not paid yet (a failed payment, a waitlist offer): the amount is the price. */
  unpaid?: boolean;
}

/** What, when (in both zones when they differ), where, with whom, what was paid and, for upcoming bookings, the cancellation window. */
export function BookingDetails({ booking: b, viewer = 'client', policy = false, unpaid = false }: BookingDetailsProps) {
  const other: Viewer = viewer === 'client' ? 'provider' : 'client';
  const mine = span(b, zoneOf(b, viewer));
  const theirs = span(b, zoneOf(b, other));
  const place = where(b);
  const deadline = new Date(Date.parse(b.starts_at) - b.cancellation_window_hours * 3_600_000).toISOString();
  return (
    <Details
      rows={[
        ['What', `${b.title} (${b.kind === 'class' ? 'class' : '1:1 session'})`],
        ['When', mine],
        theirs !== mine && [`${viewer === 'client' ? b.provider_name : b.client_name}'s time`, theirs],
        place !== null && ['Where', place],
        viewer === 'client' ? ['With', b.provider_name] : ['Client', b.client_name],
        [unpaid ? 'Price' : 'Paid', paidFor(b)],
        policy && [
          'Cancellation',
          `Free until ${at(deadline, zoneOf(b, viewer))} (${b.cancellation_window_hours} hours before the start); later cancellations are not refunded.`,
        ],
      ]}
    />
  );
}

export interface BookingMessageProps extends BookingDetailsProps {
  ctx: MessageContext;
  heading: string;
  /** The sentences above the details. */
  children: ReactNode;
  /** The button; the booking's page (the schedule for providers) when not given. */
  action?: { href: string; label: string };
}

/** The frame of every message about one booking: what happened, the booking's details, one button. */
export function BookingMessage({ ctx, heading, children, action, ...details }: BookingMessageProps) {
  const { booking, viewer = 'client' } = details;
  const fallback =
    viewer === 'client'
      ? { href: links.booking(ctx, booking.booking_id), label: 'View booking' }
      : { href: links.providerSchedule(ctx), label: 'Open your schedule' };
  return (
    <Layout ctx={ctx} heading={heading} preview={`${booking.title}, ${startsAt(booking, viewer)}`}>
      {children}
      <BookingDetails {...details} />
      <Action {...(action ?? fallback)} />
    </Layout>
  );
}

export interface NoticeMessageProps {
  ctx: MessageContext;
  heading: string;
  lines: string[];
  rows?: Row[];
  action: { href: string; label: string };
  /** Anything more, below the rows (a booking's details). */
  children?: ReactNode;
}

/** A message not built around one booking: sentences, optional details, one button. */
export function NoticeMessage({ ctx, heading, lines, rows, action, children }: NoticeMessageProps) {
  return (
    <Layout ctx={ctx} heading={heading} preview={lines[0]}>
      {lines.map((line) => (
        <P key={line}>{line}</P>
      ))}
      {rows ? <Details rows={rows} /> : null}
      {children}
      <Action {...action} />
    </Layout>
  );
}
