import { links } from '../links';
import type { BookingSnapshot, MessageContext } from '../messages';
import { P } from './layout';
import { at, BookingMessage, NoticeMessage, startsAt } from './parts';
import type { TemplateProps, TemplateTable } from './types';

function credits(n: number): string {
  return `${n} class ${n === 1 ? 'credit' : 'credits'}`;
}

export function CreditGranted({ data: { package_name, uses, expires_at }, ctx }: TemplateProps<'credit_granted'>) {
  return (
    <NoticeMessage
      ctx={ctx}
      heading={`Your ${package_name} is ready`}
      lines={[`Your ${package_name} gives you ${credits(uses)} to book with, valid until ${at(expires_at)}.`, 'Choose "Use a credit" when you book a class.']}
      action={{ href: links.credits(ctx), label: 'Your credits' }}
    />
  );
}

/** A use of a credit taken or given back for one booking. */
function CreditMovement(props: { ctx: MessageContext; booking: BookingSnapshot; heading: string; line: string; remaining: number }) {
  return (
    <BookingMessage ctx={props.ctx} booking={props.booking} heading={props.heading}>
      <P>{props.line}</P>
      <P>You have {credits(props.remaining)} left.</P>
    </BookingMessage>
  );
}

export function CreditUsed({ data: { package_name, remaining, booking }, ctx }: TemplateProps<'credit_used'>) {
  const line = `A ${package_name} credit paid for ${booking.title} on ${startsAt(booking)}.`;
  return <CreditMovement ctx={ctx} booking={booking} heading="Credit used" line={line} remaining={remaining} />;
}

export function CreditReturned({ data: { package_name, remaining, booking }, ctx }: TemplateProps<'credit_returned'>) {
  const line = `The ${package_name} credit that paid for ${booking.title} on ${startsAt(booking)} is back in your account.`;
  return <CreditMovement ctx={ctx} booking={booking} heading="Credit returned" line={line} remaining={remaining} />;
}

export function CreditExpiring({ data: { package_name, remaining, expires_at }, ctx }: TemplateProps<'credit_expiring'>) {
  return (
    <NoticeMessage
      ctx={ctx}
      heading="Your credits expire soon"
      lines={[`${credits(remaining)} from your ${package_name} expire ${at(expires_at)}.`, 'Book a class before then so they are not lost.']}
      action={{ href: links.credits(ctx), label: 'Your credits' }}
    />
  );
}

export const creditTemplates: TemplateTable<'credit_granted' | 'credit_used' | 'credit_returned' | 'credit_expiring'> = {
  credit_granted: { subject: (d) => `${d.package_name}: ${credits(d.uses)} ready to book`, Component: CreditGranted },
  credit_used: { subject: (d) => `Credit used: ${d.booking.title}, ${startsAt(d.booking)}`, Component: CreditUsed },
  credit_returned: { subject: (d) => `Credit returned: ${d.booking.title}, ${credits(d.remaining)} left`, Component: CreditReturned },
  credit_expiring: { subject: (d) => `${credits(d.remaining)} expire ${at(d.expires_at)}`, Component: CreditExpiring },
};
