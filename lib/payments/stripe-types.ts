import 'server-only';
import Stripe from 'stripe';

// The Stripe shapes the rest of payments works with; only lib/payments/stripe* import 'stripe'.
export type StripeEvent = Stripe.Event;
export type StripeEventType = Stripe.Event.Type;
export type StripePaymentIntent = Stripe.PaymentIntent;
export type StripeCharge = Stripe.Charge;
export type StripeRefund = Stripe.Refund;
export type StripeAccount = Stripe.Account;
export type StripeTransfer = Stripe.Transfer;

/** Stripe's own message when it refused a request as invalid (over-refund, already refunded, ...), else null. */
export function invalidRequestMessage(err: unknown): string | null {
  return err instanceof Stripe.errors.StripeInvalidRequestError ? err.message : null;
}

/** Stripe's error code (`resource_missing`, `charge_already_refunded`, ...) of a failed request, else null. */
export function stripeErrorCode(err: unknown): string | null {
  return err instanceof Stripe.errors.StripeError ? (err.code ?? null) : null;
}
