import type { DbOrTx, Tx } from '@/db/client';
import type { Money } from '@/lib/money';

/**
 * The seam between payments and what is paid for (seed 003's decoupling):
 * payments know a payable only by type and id, ask it what to charge, and
 * tell it the outcome. This folder is the contract only: payments import it,
 * bookings and packages implement it, and lib/flows hands payments the
 * registry. Every outcome runs inside the transaction of the payment change
 * that causes it, so the two commit together or not at all.
 */
export type PayableType = 'booking' | 'package';

export interface PayableRef {
  type: PayableType;
  id: string;
}

export interface PayableCharge {
  payable: PayableRef;
  /** Who pays. */
  clientId: string;
  /** Who earns the provider share; null when no one provider does (a package). */
  providerId: string | null;
  amount: Money;
  feeBps: number;
  feeAmount: number;
  description: string;
  /** Until when the payable waits for the payment; null when it does not expire. */
  holdExpiresAt: Date | null;
}

/** Who recorded a payment made outside the app (an integration's API key, or an admin); null for our own checkout. */
export interface PaymentRecorder {
  userId: string | null;
  apiKeyId: string | null;
}

export interface PaymentOutcome {
  /** The payment's reference, e.g. a Stripe PaymentIntent id. */
  paymentRef: string;
  amount: Money;
  recordedBy: PaymentRecorder | null;
}

export interface PaymentRefund {
  paymentRef: string;
  fully: boolean;
  /** Everything refunded so far, and what was paid, in minor units. */
  refunded: number;
  paid: number;
}

export interface PayableHandler {
  /** What to charge, or null when nothing is owed (already paid, cancelled, expired, free). */
  charge(db: DbOrTx, id: string): Promise<PayableCharge | null>;
  /** Records the payment reference while the payment is in progress. */
  paymentStarted(tx: Tx, id: string, paymentRef: string): Promise<void>;
  /** The payment succeeded: confirm. Idempotent; returns false when the payable could no longer accept it. */
  paymentSucceeded(tx: Tx, id: string, outcome: PaymentOutcome): Promise<boolean>;
  /** The payment failed; the hold stays so the client may retry. */
  paymentFailed(tx: Tx, id: string, paymentRef: string): Promise<void>;
  /** The payment was abandoned (canceled or expired): release what was held. */
  paymentAbandoned(tx: Tx, id: string, paymentRef: string): Promise<void>;
  /** Money went back to the client: full or partial. Idempotent: `refunded` is the total so far, not this refund. */
  paymentRefunded(tx: Tx, id: string, refund: PaymentRefund): Promise<void>;
}

/** Every kind of payable and its handler: built where the domains meet (lib/flows) and handed to payments. */
export type PayableRegistry = Record<PayableType, PayableHandler>;
