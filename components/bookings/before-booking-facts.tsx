import { CreditCover, type CreditCoverView } from '@/components/packages/credit-cover';
import { Fact } from '@/components/record-layout';
import type { DeadlineView } from './booking-confirmation';
import { CancellationDeadline } from './booking-facts';

/** What a client should know before booking: until when it cancels for free, and (priced, signed in) whether a credit pays for it. */
export function BeforeBookingFacts({ deadline, cover, what }: { deadline: DeadlineView; cover: CreditCoverView | null; what: 'class' | 'session' }) {
  return (
    <>
      <Fact label="Cancellation policy">
        <CancellationDeadline {...deadline} />
      </Fact>
      {cover ? (
        <Fact label="Class credits">
          <CreditCover cover={cover} what={what} />
        </Fact>
      ) : null}
    </>
  );
}
