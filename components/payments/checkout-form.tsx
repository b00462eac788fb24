'use client';

import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Appearance, Stripe } from '@stripe/stripe-js';
import { LoaderCircle } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { loadBrowserStripe, type BrowserStripeConfig } from '@/components/payments/stripe-browser';
import { HoldCountdown, useHoldSecondsLeft } from './hold-countdown';

const appearance: Appearance = {
  theme: 'stripe',
  variables: { borderRadius: '8px', fontFamily: 'system-ui, sans-serif' },
};

type Outcome = { kind: 'idle' } | { kind: 'paying' } | { kind: 'sent' } | { kind: 'error'; message: string };

export interface CheckoutFormProps {
  clientSecret: string;
  /** What the Pay button says, e.g. "Pay £12.00". */
  amountLabel: string;
  /** The result page (a booking's "paid" page, a package purchase's page); `?payment_intent=` is added. */
  resultPath: string;
  /** A booking's seat or time held while paying, with the server's "now"; none for a package. */
  hold: { expiresAt: string; serverNow: string } | null;
  stripeConfig: BrowserStripeConfig;
}

// Without a hold the countdown hook is given an empty one, and its "expired" is ignored.
const NO_HOLD = new Date(0).toISOString();

/**
 * The card form: Stripe's Payment Element for a PaymentIntent (a booking's
 * or a package purchase's). Success here only means Stripe accepted the
 * card; what was bought is granted by the webhook, which the result page waits for.
 */
export function CheckoutForm({ stripeConfig, clientSecret, ...props }: CheckoutFormProps) {
  // Stripe.js needs the browser; on the server the form renders without it.
  const [stripe] = useState<Promise<Stripe | null> | null>(() => (typeof window === 'undefined' ? null : loadBrowserStripe(stripeConfig)));
  return (
    <Elements stripe={stripe} options={{ clientSecret, appearance }}>
      <PaymentForm {...props} />
    </Elements>
  );
}

function PaymentForm({ amountLabel, resultPath, hold }: Omit<CheckoutFormProps, 'clientSecret' | 'stripeConfig'>) {
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const [ready, setReady] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const secondsLeft = useHoldSecondsLeft(hold?.expiresAt ?? NO_HOLD, hold?.serverNow ?? NO_HOLD);
  const expired = hold !== null && secondsLeft <= 0;
  const busy = outcome.kind === 'paying' || outcome.kind === 'sent';

  async function pay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!stripe || !elements || busy || expired) return;
    setOutcome({ kind: 'paying' });
    try {
      const submitted = await elements.submit();
      if (submitted.error) {
        setOutcome({ kind: 'error', message: submitted.error.message ?? 'Check your card details.' });
        return;
      }
      const result = await stripe.confirmPayment({
        elements,
        // Only for payment methods that must leave the page; the result page never trusts the redirect.
        confirmParams: { return_url: `${window.location.origin}${resultPath}` },
        redirect: 'if_required',
      });
      if (result.error) {
        setOutcome({ kind: 'error', message: result.error.message ?? 'Your payment did not go through. Please try again.' });
        return;
      }
      setOutcome({ kind: 'sent' });
      router.push(`${resultPath}?payment_intent=${encodeURIComponent(result.paymentIntent.id)}`);
    } catch {
      setOutcome({ kind: 'error', message: 'We could not reach the payment service. Please try again.' });
    }
  }

  return (
    <form onSubmit={pay} aria-label="Card payment" className="flex flex-col gap-4">
      {hold ? <HoldCountdown secondsLeft={secondsLeft} /> : null}
      <fieldset disabled={expired} className="min-w-0">
        <legend className="sr-only">Card details</legend>
        <PaymentElement onReady={() => setReady(true)} />
      </fieldset>
      {outcome.kind === 'error' ? (
        <p role="alert" data-testid="payment-error" className="rounded-lg border border-destructive/40 bg-destructive/5 px-4 py-3 text-sm text-destructive">
          {outcome.message}
        </p>
      ) : null}
      {expired ? (
        <p className="text-sm text-muted-foreground">The seat is no longer held for you. Go back to the schedule to book again.</p>
      ) : null}
      <Button type="submit" size="lg" disabled={!stripe || !elements || !ready || busy || expired} aria-busy={busy} className="sm:self-start">
        {busy ? <LoaderCircle aria-hidden="true" className="animate-spin" /> : null}
        {busy ? 'Paying…' : `Pay ${amountLabel}`}
      </Button>
    </form>
  );
}
