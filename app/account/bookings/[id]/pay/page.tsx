import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { bookingTitle } from '@/components/bookings/labels';
import { LocalDateTime } from '@/components/local-date';
import { PageHeader } from '@/components/page-header';
import type { CreditOffer } from '@/components/bookings/pay-choice';
import { UseCreditForm } from '@/components/credits/use-credit-form';
import { HoldCountdownLine } from '@/components/payments/hold-countdown';
import { MpesaPhoneForm } from '@/components/payments/mpesa-phone-form';
import { StartCheckout } from '@/components/payments/start-checkout';
import { startBookingCheckoutAction } from '@/app/payments/checkout-actions';
import { startBookingMpesaAction } from '@/app/payments/mpesa-actions';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { toBookingDto, type BookingDto, findBookingRow } from '@/lib/bookings';
import { now } from '@/lib/clock';
import { classTarget, usableCreditFor, type CreditTarget } from '@/lib/credits';
import { formatMoney } from '@/lib/money';
import { browserStripeConfig, mpesaConfigured, paymentStatusFor } from '@/lib/payments';

export const metadata: Metadata = { title: 'Pay for your booking' };

const linkClass = 'text-sm font-medium text-primary underline-offset-4 hover:underline';

/** Why there is nothing to pay, with the way back. */
function NothingToPay({ booking, children }: { booking: BookingDto; children: ReactNode }) {
  return (
    <>
      <PageHeader title="Pay for your booking" description={bookingTitle(booking)} />
      <Card className="max-w-xl">
        <CardContent className="flex flex-col gap-4 pt-6">
          <Alert data-testid="nothing-to-pay">{children}</Alert>
          <Link href={`/account/bookings/${encodeURIComponent(booking.id)}`} className={linkClass}>
            Back to the booking
          </Link>
        </CardContent>
      </Card>
    </>
  );
}

function whyNothingToPay(b: BookingDto): string {
  if (['paid', 'credit_used', 'refunded', 'partially_refunded'].includes(b.payment_status)) return 'This booking is already paid.';
  if (b.status === 'expired') return 'The hold on this booking expired before it was paid. Book again from the schedule if there is still room.';
  if (b.status === 'cancelled') return 'This booking is cancelled, so there is nothing to pay.';
  if (b.amount_due.amount === 0) return 'This booking is free: there is nothing to pay.';
  return 'This booking is not awaiting payment.';
}

/** The client's credits that would pay for this booking instead of the card, if any. */
async function creditOffer(clientId: string, b: BookingDto): Promise<CreditOffer | null> {
  const target: CreditTarget | null = b.class ? await classTarget(b.class.id) : b.session_type ? { kind: 'session', sessionTypeId: b.session_type.id } : null;
  const usable = target ? await usableCreditFor(clientId, target) : null;
  return usable ? { usesLeft: usable.uses_left, nextExpiresAt: usable.next.expires_at } : null;
}

export default async function PayPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const client = await requirePageRole('client', `/account/bookings/${encodeURIComponent(id)}/pay`);
  const row = await findBookingRow(id, client);
  if (!row) notFound();
  const booking = toBookingDto(row);
  const at = now();

  if (booking.status !== 'pending_payment' || booking.amount_due.amount === 0) {
    return <NothingToPay booking={booking}>{whyNothingToPay(booking)}</NothingToPay>;
  }
  if (!booking.hold_expires_at || new Date(booking.hold_expires_at).getTime() <= at.getTime()) {
    return <NothingToPay booking={booking}>Your hold has expired. Book again from the schedule if there is still room.</NothingToPay>;
  }

  const stripeConfig = browserStripeConfig();
  const title = bookingTitle(booking);
  const amount = formatMoney(booking.amount_due);
  const credit = await creditOffer(client.id, booking);
  const isDeposit = booking.amount_due.amount < booking.price.amount;
  // Kenyan shillings are paid by M-Pesa (STK Push) only.
  const byMpesa = booking.amount_due.currency === 'kes';
  // A prompt already on its way to the phone: the client follows it rather than sending another.
  const ref = row.booking.paymentRef;
  const waiting = byMpesa && ref?.startsWith('mp_') ? await paymentStatusFor(client, ref).catch(() => null) : null;
  const waitingPath = waiting && waiting.status === 'pending' && waiting.result === null ? `/account/payments/${encodeURIComponent(waiting.id)}/mpesa` : null;

  return (
    <>
      <PageHeader
        title="Pay for your booking"
        description="Your seat is held while you pay."
        actions={
          <Link href={`/account/bookings/${encodeURIComponent(booking.id)}`} className={linkClass}>
            Back to the booking
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-2" data-testid="checkout-summary">
          <CardHeader>
            <CardTitle>{title}</CardTitle>
            <CardDescription>
              {booking.kind === 'class' ? 'Group class' : '1:1 session'} with {booking.provider.name}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="flex flex-col gap-3 text-sm">
              <div>
                <dt className="font-medium text-muted-foreground">When</dt>
                <dd>
                  <LocalDateTime iso={booking.starts_at} withYear /> – <LocalDateTime iso={booking.ends_at} timeOnly />
                </dd>
              </div>
              {booking.class ? (
                <div>
                  <dt className="font-medium text-muted-foreground">Where</dt>
                  <dd>{booking.class.location ?? 'Online'}</dd>
                </div>
              ) : null}
              <div>
                <dt className="font-medium text-muted-foreground">{isDeposit ? 'Deposit to pay now' : 'To pay'}</dt>
                <dd className="text-2xl font-semibold" data-testid="checkout-amount">
                  {amount}
                </dd>
                {isDeposit ? <dd className="text-muted-foreground">The rest of the {formatMoney(booking.price)} is settled with the practitioner.</dd> : null}
              </div>
            </dl>
          </CardContent>
        </Card>
        <div className="flex flex-col gap-6 lg:col-span-3">
          {credit ? (
            <Card>
              <CardHeader>
                <CardTitle>Use a class credit</CardTitle>
                <CardDescription>Pay with one class from your credits instead of {byMpesa ? 'M-Pesa' : 'your card'}: the booking is confirmed at once.</CardDescription>
              </CardHeader>
              <CardContent>
                <UseCreditForm bookingId={booking.id} credit={credit} />
              </CardContent>
            </Card>
          ) : null}
          {byMpesa ? (
            <Card>
              <CardHeader>
                <CardTitle>Pay with M-Pesa</CardTitle>
                <CardDescription>Prices in Kenyan shillings are paid by M-Pesa: we send a request to your phone and you approve it with your PIN.</CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
                <HoldCountdownLine hold={{ expiresAt: booking.hold_expires_at, serverNow: at.toISOString() }} />
                {waitingPath ? (
                  <Alert data-testid="mpesa-waiting-notice">
                    A request is already waiting on your phone.{' '}
                    <Link href={waitingPath} className={linkClass}>
                      Follow it on the “Check your phone” page
                    </Link>
                    , or answer it on the phone before sending another.
                  </Alert>
                ) : null}
                {mpesaConfigured() ? (
                  <MpesaPhoneForm send={startBookingMpesaAction.bind(null, booking.id)} amountLabel={amount} />
                ) : (
                  <Alert variant="error">M-Pesa payments are not configured on this server.</Alert>
                )}
              </CardContent>
            </Card>
          ) : (
            <Card>
              <CardHeader>
                <CardTitle>Card details</CardTitle>
                <CardDescription>Payments are handled by Stripe; your card number never reaches our servers.</CardDescription>
              </CardHeader>
              <CardContent>
                {stripeConfig.publishableKey ? (
                  // The payment is started (or resumed) from the browser, by an action: a render never creates one.
                  <StartCheckout
                    start={startBookingCheckoutAction.bind(null, booking.id)}
                    amountLabel={amount}
                    hold={{ expiresAt: booking.hold_expires_at, serverNow: at.toISOString() }}
                    stripeConfig={{ publishableKey: stripeConfig.publishableKey, stripeJsUrl: stripeConfig.stripeJsUrl }}
                  />
                ) : (
                  <Alert variant="error">Card payments are not configured on this server.</Alert>
                )}
              </CardContent>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
