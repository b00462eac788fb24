'use client';

import { LoaderCircle } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StartedCheckout } from '@/app/payments/checkout-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { BrowserStripeConfig } from '@/components/payments/stripe-browser';
import { CheckoutForm } from './checkout-form';

export interface StartCheckoutProps {
  /** The server action that starts (or resumes) the payment; bound to the booking or package. */
  start: () => Promise<StartedCheckout>;
  amountLabel: string;
  hold: { expiresAt: string; serverNow: string } | null;
  stripeConfig: BrowserStripeConfig;
}

type State = { kind: 'starting' } | { kind: 'failed'; message: string } | { kind: 'ready'; clientSecret: string; resultPath: string } | { kind: 'leaving' };

/**
 * Asks the server for the payment once the page is in the browser (a POST,
 * so no page render or prefetch ever creates a PaymentIntent), then shows the
 * card form, or sends the client to Stripe's hosted Checkout, or on to the
 * result page when it was already paid.
 */
export function StartCheckout({ start, amountLabel, hold, stripeConfig }: StartCheckoutProps) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: 'starting' });
  const asked = useRef(false);

  const begin = useCallback(async () => {
    setState({ kind: 'starting' });
    let answer: StartedCheckout;
    try {
      answer = await start();
    } catch {
      setState({ kind: 'failed', message: 'We could not reach the server. Check your connection and try again.' });
      return;
    }
    if (!answer.ok) return setState({ kind: 'failed', message: answer.message });
    const { checkout, resultPath } = answer;
    if (checkout.mode === 'hosted') {
      setState({ kind: 'leaving' });
      window.location.assign(checkout.checkout_url);
      return;
    }
    // Already paid at Stripe (another tab, or a webhook on its way): wait for the result, never charge twice.
    if (checkout.status === 'succeeded' || checkout.status === 'processing') {
      setState({ kind: 'leaving' });
      router.replace(`${resultPath}?payment_intent=${encodeURIComponent(checkout.payment_intent_id)}`);
      return;
    }
    if (checkout.status === 'canceled') return setState({ kind: 'failed', message: 'This payment was cancelled. Book again from the schedule if there is still room.' });
    setState({ kind: 'ready', clientSecret: checkout.client_secret, resultPath });
  }, [start, router]);

  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void begin();
  }, [begin]);

  if (state.kind === 'ready') {
    return <CheckoutForm clientSecret={state.clientSecret} amountLabel={amountLabel} resultPath={state.resultPath} hold={hold} stripeConfig={stripeConfig} />;
  }
  if (state.kind === 'failed') {
    return (
      <div className="flex flex-col items-start gap-3">
        <Alert variant="error" data-testid="checkout-start-error">
          {state.message}
        </Alert>
        <Button type="button" variant="outline" onClick={() => void begin()}>
          Try again
        </Button>
      </div>
    );
  }
  return (
    <p className="flex items-center gap-2 text-sm text-muted-foreground" role="status">
      <LoaderCircle className="size-4 animate-spin" aria-hidden="true" />
      {state.kind === 'leaving' ? 'Taking you on…' : 'Preparing secure payment…'}
    </p>
  );
}
