import Link from 'next/link';
import { cancelBookingAction } from '@/app/bookings/manage-actions';
import { ConfirmActionDialog } from '@/components/confirm-action-dialog';
import { LocalDateTime } from '@/components/local-date';
import { linkClass } from '@/components/payments/empty-table';
import { Card } from '@/components/ui/card';
import { type BookingDto, START_EARLY_MINUTES } from '@/lib/bookings';
import type { QuestionnaireStatus } from '@/lib/questionnaire';
import { BookingStepButtons } from './booking-step-buttons';
import { CancelPolicy } from './cancel-policy';
import { bookingTitle, paymentLabel } from './labels';
import { ClientQuestionnaireBadge } from './questionnaire-badge';
import { BookingStatusBadge } from './status-badge';
import { isCancellable, stepsFor } from './staff-steps';

/**
 * One booking in a practitioner's schedule: when, what, who (with their
 * questionnaire), status, and the steps it allows now (start, complete,
 * no-show); cancelling is the secondary action, behind a confirmation.
 */
export function ProviderBookingCard({ booking: b, questionnaire, at, windowHours }: { booking: BookingDto; questionnaire: QuestionnaireStatus | undefined; at: Date; windowHours: number }) {
  const what = `${bookingTitle(b)} with ${b.client.name}`;
  const steps = stepsFor(b, at);
  const notYet = b.status === 'confirmed' && steps.length === 0;
  return (
    <Card className="flex flex-col gap-4 p-5 lg:flex-row lg:items-start lg:justify-between" data-testid="schedule-booking">
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium text-primary">
          <LocalDateTime iso={b.starts_at} /> – <LocalDateTime iso={b.ends_at} timeOnly />
        </p>
        <h3 className="text-lg font-semibold leading-tight">{bookingTitle(b)}</h3>
        <p className="text-sm">
          <span className="font-medium">{b.client.name}</span> <span className="break-all text-muted-foreground">· {b.client.email}</span>
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          <ClientQuestionnaireBadge clientId={b.client.id} status={questionnaire} />
          <BookingStatusBadge booking={b} />
          <span className="text-muted-foreground">{paymentLabel(b)}</span>
        </div>
        {b.class ? (
          <Link href={`/provider/classes/${b.class.id}`} className={`${linkClass} mt-1 text-sm`}>
            Class roster<span className="sr-only">: {bookingTitle(b)}</span>
          </Link>
        ) : null}
      </div>
      <div className="flex flex-col gap-2 lg:items-end" data-testid="booking-actions">
        <BookingStepButtons bookingId={b.id} steps={steps} what={what} />
        {notYet ? <p className="text-xs text-muted-foreground">Start opens {START_EARLY_MINUTES} minutes before the session.</p> : null}
        {isCancellable(b) ? (
          <ConfirmActionDialog
            action={cancelBookingAction}
            trigger="Cancel booking"
            triggerVariant="outline"
            triggerSize="sm"
            confirmVariant="destructive"
            title={`Cancel ${what}?`}
            description={<CancelPolicy booking={b} windowHours={windowHours} actor="provider" at={at} />}
            confirmLabel="Cancel booking"
            pendingLabel="Cancelling…"
            cancelLabel="Keep booking"
            fields={{ booking_id: b.id }}
            inputs={[{ name: 'reason', label: 'Reason for cancelling (the client is told)', required: true, maxLength: 500 }]}
          />
        ) : null}
      </div>
    </Card>
  );
}
