/**
 * A tiny checkout page built on the real @stripe/stripe-js and @stripe/react-stripe-js,
 * bundled by the browser tests. The page loads the emulator's stripe.js first, so
 * loadStripe() reuses its window.Stripe. Query: ?pk=..&client_secret=..&flow=payment|card&redirect=always
 */
import { CardElement, Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type StripeCardElement } from '@stripe/stripe-js';
import { useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';

const query = new URLSearchParams(window.location.search);
const clientSecret = query.get('client_secret') ?? '';
const flow = query.get('flow') === 'card' ? 'card' : 'payment';
const alwaysRedirect = query.get('redirect') === 'always';
const stripePromise = loadStripe(query.get('pk') ?? '');

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'paid'; id: string } | { kind: 'error'; message: string };

function CheckoutForm() {
  const stripe = useStripe();
  const elements = useElements();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [ready, setReady] = useState(false);

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setOutcome({ kind: 'busy' });
    if (flow === 'card') {
      const card = elements.getElement('card') as StripeCardElement | null;
      if (!card) return;
      const result = await stripe.confirmCardPayment(clientSecret, { payment_method: { card, billing_details: { name: 'Test Customer' } } });
      setOutcome(result.error ? { kind: 'error', message: result.error.message ?? 'Payment failed.' } : { kind: 'paid', id: result.paymentIntent.id });
      return;
    }
    const submitted = await elements.submit();
    if (submitted.error) {
      setOutcome({ kind: 'error', message: submitted.error.message ?? 'Check your card details.' });
      return;
    }
    const return_url = `${window.location.origin}/done`;
    if (alwaysRedirect) {
      // Resolves only when the payment fails; on success the browser goes to return_url.
      const failed = await stripe.confirmPayment({ elements, confirmParams: { return_url } });
      setOutcome({ kind: 'error', message: failed.error.message ?? 'Payment failed.' });
      return;
    }
    const result = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url },
      redirect: 'if_required',
    });
    if (result.error) setOutcome({ kind: 'error', message: result.error.message ?? 'Payment failed.' });
    else setOutcome({ kind: 'paid', id: result.paymentIntent.id });
  }

  return (
    <form onSubmit={pay} style={{ maxWidth: 420, margin: '2rem auto', fontFamily: 'system-ui' }}>
      {flow === 'card' ? <CardElement onReady={() => setReady(true)} /> : <PaymentElement onReady={() => setReady(true)} />}
      <button type="submit" disabled={!stripe || !ready || outcome.kind === 'busy'} style={{ marginTop: 16 }}>
        Pay
      </button>
      {outcome.kind === 'paid' && <p data-testid="payment-status">Payment succeeded</p>}
      {outcome.kind === 'error' && (
        <p role="alert" data-testid="payment-error">
          {outcome.message}
        </p>
      )}
    </form>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <Elements stripe={stripePromise} options={flow === 'card' ? {} : { clientSecret }}>
      <CheckoutForm />
    </Elements>,
  );
}
