import { DateTime } from 'luxon';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { completeClassAction } from '@/app/classes/actions';
import { ActionButton } from '@/components/action-button';
import { ConfirmActionDialog } from '@/components/confirm-action-dialog';
import { LocalDateTime } from '@/components/local-date';
import { PageHeader } from '@/components/page-header';
import { linkClass } from '@/components/payments/empty-table';
import { ClassRoster, isCalledOff, seatPayment } from '@/components/provider/class-roster';
import { ClassForm } from '@/components/schedule/class-form';
import { isCompletable } from '@/components/schedule/classes-to-complete';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { listBookings, START_EARLY_MINUTES } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { formatMoney, minorToDecimal } from '@/lib/money';
import { questionnaireStatuses } from '@/lib/questionnaire';
import { getClass } from '@/lib/schedule';
import { getSetting } from '@/lib/settings';
import { cancelClassAction } from './actions';

export const metadata: Metadata = { title: 'Class roster' };

/** A class holds at most 1000 seats: one page holds every booking ever made in it. */
const MAX_BOOKINGS = 2000;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// The practitioner's own class only; another's is Next's 404 (existence does not leak).
export default async function ProviderClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const provider = await requirePageRole('provider', `/provider/classes/${encodeURIComponent(id)}`);
  const cls = await getClass(id);
  if (!cls || cls.provider.id !== provider.id) notFound();
  const at = now();
  const [{ bookings }, currency] = await Promise.all([listBookings(provider, { classId: cls.id, order: 'upcoming', page: 1, pageSize: MAX_BOOKINGS }), getSetting('default_currency')]);
  const seated = bookings.filter((b) => !isCalledOff(b));
  const calledOff = bookings.filter(isCalledOff);
  const statuses = await questionnaireStatuses(seated.map((b) => b.client.id), at);

  const started = new Date(cls.starts_at).getTime() <= at.getTime();
  const editable = !cls.cancelled && !cls.completed_at && !started;
  const holding = seated.filter((b) => b.status === 'pending_payment' || b.status === 'confirmed');
  const byCard = holding.filter((b) => seatPayment(b) === 'Paid by card').length;
  const byCredit = holding.filter((b) => seatPayment(b) === 'Paid with a credit').length;
  const priceLocked = bookings.some((b) => ['pending', 'paid', 'partially_refunded', 'credit_used'].includes(b.payment_status));
  const local = DateTime.fromISO(cls.starts_at).setZone(cls.provider.time_zone);

  return (
    <>
      <PageHeader
        title={cls.title}
        description={
          <>
            <LocalDateTime iso={cls.starts_at} withYear /> – <LocalDateTime iso={cls.ends_at} timeOnly /> · {[cls.location, cls.online_url].filter(Boolean).join(' · ')}
          </>
        }
        actions={
          <Link href="/provider/classes" className={linkClass}>
            All classes
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle>Roster</CardTitle>
            <CardDescription>
              {plural(cls.seats_taken, 'seat', 'seats')} of {cls.capacity} booked · {formatMoney(cls.price)}
              {cls.cancelled ? (
                <Badge variant="destructive" className="ml-2">
                  Cancelled
                </Badge>
              ) : null}
              {cls.completed_at ? (
                <Badge variant="muted" className="ml-2">
                  Completed
                </Badge>
              ) : null}
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <ClassRoster bookings={seated} statuses={statuses} at={at} />
            {isCompletable(cls, at) ? (
              <ActionButton action={completeClassAction} fields={{ class_id: cls.id }} pendingLabel="Completing…" label={`Complete the class: ${cls.title}`}>
                Complete the class
              </ActionButton>
            ) : cls.completed_at ? (
              // Shown in place of the button, so the outcome stays in sight after it is pressed.
              <p className="text-sm font-medium text-primary" role="status" data-testid="class-completed">
                Class completed <LocalDateTime iso={cls.completed_at} />: those who came are delivered, and their earnings available.
              </p>
            ) : !started && !cls.cancelled ? (
              <p className="text-sm text-muted-foreground">Check-in opens {START_EARLY_MINUTES} minutes before the start; no-shows and completing the class once it has started.</p>
            ) : null}
            {calledOff.length ? (
              <details className="text-sm">
                <summary className="cursor-pointer text-muted-foreground">{plural(calledOff.length, 'cancelled or expired booking', 'cancelled or expired bookings')}</summary>
                <ul className="mt-2 flex flex-col gap-1" aria-label="Cancelled or expired bookings">
                  {calledOff.map((b) => (
                    <li key={b.id}>
                      {b.client.name} · {b.status === 'expired' ? 'Hold expired unpaid' : 'Cancelled'}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </CardContent>
        </Card>
        {editable ? (
          <div className="flex flex-col gap-6">
            <Card>
              <CardHeader>
                <CardTitle>Edit class</CardTitle>
                <CardDescription>Times in {cls.provider.time_zone}. Booked clients are told what changed.</CardDescription>
              </CardHeader>
              <CardContent>
                <ClassForm
                  timeZone={cls.provider.time_zone}
                  defaultCurrency={currency}
                  edit={{
                    classId: cls.id,
                    priceLocked,
                    minCapacity: cls.seats_taken,
                    values: {
                      title: cls.title,
                      description: cls.description,
                      date: local.toISODate() ?? '',
                      time: local.toFormat('HH:mm'),
                      duration_minutes: cls.duration_minutes,
                      capacity: cls.capacity,
                      price: minorToDecimal(cls.price.amount, cls.price.currency),
                      currency: cls.price.currency,
                      location: cls.location ?? '',
                      online_url: cls.online_url ?? '',
                    },
                  }}
                />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Cancel the class</CardTitle>
                <CardDescription>A cancellation by the practice always gives clients everything back.</CardDescription>
              </CardHeader>
              <CardContent>
                <ConfirmActionDialog
                  action={cancelClassAction}
                  trigger="Cancel class"
                  triggerVariant="outline"
                  confirmVariant="destructive"
                  title={`Cancel ${cls.title}?`}
                  description={
                    <p data-testid="cancel-class-summary">
                      {holding.length
                        ? `${plural(holding.length, 'client', 'clients')} will be told. ${plural(byCard, 'card payment', 'card payments')} will be refunded in full and ${plural(byCredit, 'credit use', 'credit uses')} returned.`
                        : 'No one is booked, so there is no one to refund or tell.'}
                    </p>
                  }
                  confirmLabel="Cancel class"
                  pendingLabel="Cancelling…"
                  cancelLabel="Keep class"
                  fields={{ class_id: cls.id }}
                  inputs={[{ name: 'reason', label: 'Reason (the clients are told)', required: true, maxLength: 500 }]}
                />
              </CardContent>
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}
