import { LocalDateTime } from '@/components/local-date';
import { Card } from '@/components/ui/card';
import type { BookingDto } from '@/lib/bookings';
import type { QuestionnaireStatus } from '@/lib/questionnaire';
import { BookingStepButtons } from './booking-step-buttons';
import { CancelBookingDialog } from './cancel-booking-dialog';
import { CancelPolicy } from './cancel-policy';
import { bookingTitle, paymentLabel } from './labels';
import { ClientQuestionnaireBadge } from './questionnaire-badge';
import { BookingStatusBadge } from './status-badge';
import { isCancellable, stepsFor } from './staff-steps';

/** One booking in a practitioner's schedule: when, what, who (with their questionnaire), status and what can be done now. */
export function ProviderBookingCard({ booking: b, questionnaire, at, windowHours }: { booking: BookingDto; questionnaire: QuestionnaireStatus | undefined; at: Date; windowHours: number }) {
  const what = `${bookingTitle(b)} with ${b.client.name}`;
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
      </div>
      <div className="flex flex-col gap-2 lg:items-end">
        <BookingStepButtons bookingId={b.id} steps={stepsFor(b, at)} what={what} />
        {isCancellable(b) ? (
          <CancelBookingDialog bookingId={b.id} what={what} triggerSize="sm" policy={<CancelPolicy booking={b} windowHours={windowHours} actor="provider" at={at} />} />
        ) : null}
      </div>
    </Card>
  );
}
