import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { classPackages, creditEntries, packagePurchases, payments, paymentTransactions, users, type ClassPackage, type Credit } from '@/db/schema';
import { now } from '@/lib/clock';
import { creditForPayment, grantCredit, type CreditActor } from '@/lib/credits/ledger';
import { toCreditDto, type CreditDto } from '@/lib/credits/queries';
import { AppError } from '@/lib/http/errors';
import { platformFee } from '@/lib/money';
import type { StripeCharge, StripePaymentIntent } from '@/lib/payments/stripe-types';
import { syncPaymentIntent } from '@/lib/payments/sync';
import { chargeOf, retrievePaymentIntent, requireSucceeded } from './payment-intents';
import { creditExpiry } from '@/lib/time';


export interface CreateCreditResult {
  success: true;
  credit: CreditDto;
  /** The credit's "grant" entry in the credit ledger. */
  transaction_id: number;
}

interface Input {
  clientId: string;
  packageId: string;
  paymentId: string;
  amountPaid: number;
}

/** Raised inside the recording transaction when a concurrent call recorded the same payment first. */
class AlreadyRecorded extends Error {}

/**
 * seed 000's "create credit after package purchase". Idempotent on the
 * payment: a PaymentIntent grants one credit, however often and however
 * concurrently it is asked. The payment is read from Stripe and must have
 * succeeded for exactly the package's price; a purchase made outside the app
 * is recorded as one made inside it (purchase, payment, ledger row, credit),
 * so refunding that payment takes the unused uses back like any other.
 * `created` is false when the credit already existed.
 */
export async function createCreditForPayment(input: Input, actor: CreditActor): Promise<CreateCreditResult & { created: boolean }> {
  const existing = await creditForPayment(getDb(), input.paymentId);
  if (existing) return answer(matching(existing, input), false);

  const [client] = await getDb().select({ id: users.id }).from(users).where(and(eq(users.id, input.clientId), eq(users.role, 'client'))).limit(1);
  if (!client) throw new AppError('not_found', 'No such client.', { fields: { client_id: ['No client has this id.'] } });
  const [pkg] = await getDb().select().from(classPackages).where(eq(classPackages.id, input.packageId)).limit(1);
  if (!pkg) throw new AppError('not_found', 'No such package.', { fields: { package_id: ['No package has this id.'] } });

  const pi = await retrievePaymentIntent(input.paymentId);
  requireSucceeded(pi);
  requireAmount(pi, pkg, input.amountPaid);

  const [known] = await getDb().select({ type: payments.payableType, id: payments.payableId }).from(payments).where(eq(payments.id, pi.id)).limit(1);
  if (known) return answer(matching(await creditOfOwnCheckout(pi.id, known), input), true);
  if (pi.metadata?.payable_type && pi.metadata.payable_type !== 'package') throw notThisPurchase();

  const charge = chargeOf(pi);
  if (!charge) throw new Error(`succeeded PaymentIntent ${pi.id} has no charge`);
  try {
    return answer(await recordExternalPurchase(input.clientId, pkg, pi, charge, actor), true);
  } catch (err) {
    if (!(err instanceof AlreadyRecorded)) throw err;
    // A concurrent identical call won; its transaction has committed by now (our insert waited for it).
    const winner = await creditForPayment(getDb(), pi.id);
    if (!winner) throw notThisPurchase();
    return answer(matching(winner, input), false);
  }
}

function notThisPurchase(): AppError {
  return new AppError('conflict', 'This payment already pays for something else.', { fields: { payment_id: ['The PaymentIntent pays for something else.'] } });
}

/** The credit of this payment must be for the client and package asked about. */
function matching(credit: Credit, input: Input): Credit {
  if (credit.clientId !== input.clientId || credit.packageId !== input.packageId) {
    throw new AppError('conflict', 'This payment already granted a credit to another client or for another package.', {
      fields: { payment_id: ['A credit for this payment exists with a different client_id or package_id.'] },
    });
  }
  return credit;
}

function requireAmount(pi: StripePaymentIntent, pkg: ClassPackage, amountPaid: number): void {
  if (pi.currency !== pkg.currency) {
    throw new AppError('unprocessable', 'The payment is in another currency than the package.', { fields: { payment_id: [`The payment is in ${pi.currency}, the package in ${pkg.currency}.`] } });
  }
  if (amountPaid !== pi.amount_received || amountPaid !== pkg.priceAmount) {
    throw new AppError('unprocessable', 'The amount paid does not match the payment or the package price.', {
      fields: { amount_paid: [`The payment received ${pi.amount_received} and the package costs ${pkg.priceAmount} (minor units).`] },
    });
  }
}

/** A purchase made through our own checkout: apply it as the webhook would, and take the credit it granted. */
async function creditOfOwnCheckout(paymentId: string, known: { type: string; id: string }): Promise<Credit> {
  if (known.type !== 'package') throw notThisPurchase();
  await syncPaymentIntent(paymentId);
  const credit = await creditForPayment(getDb(), paymentId);
  if (!credit) throw new AppError('conflict', 'This purchase could not take the payment.');
  return credit;
}

/** One transaction: purchase (paid), payment (succeeded), its ledger row and the credit. */
async function recordExternalPurchase(clientId: string, pkg: ClassPackage, pi: StripePaymentIntent, charge: StripeCharge, actor: CreditActor): Promise<Credit> {
  const at = now();
  const fee = platformFee(pkg.priceAmount, pkg.feeBps);
  return getDb().transaction(async (tx) => {
    const [purchase] = await tx
      .insert(packagePurchases)
      .values({ clientId, packageId: pkg.id, priceAmount: pkg.priceAmount, currency: pkg.currency, feeBps: pkg.feeBps, feeAmount: fee, status: 'paid', paymentRef: pi.id, createdAt: at, updatedAt: at })
      .returning({ id: packagePurchases.id });
    if (!purchase) throw new Error('package purchase was not recorded');
    const card = charge.payment_method_details?.card;
    // The PaymentIntent id is the key: a concurrent identical call waits here, then finds it taken.
    const [payment] = await tx
      .insert(payments)
      .values({
        id: pi.id,
        payableType: 'package',
        payableId: purchase.id,
        userId: clientId,
        providerId: null,
        amount: pkg.priceAmount,
        currency: pkg.currency,
        status: 'succeeded',
        feeBps: pkg.feeBps,
        feeAmount: fee,
        providerAmount: pkg.priceAmount - fee,
        chargeId: charge.id,
        cardBrand: card?.brand ?? null,
        cardLast4: card?.last4 ?? null,
        receiptUrl: charge.receipt_url,
        succeededAt: new Date(charge.created * 1000),
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing({ target: payments.id })
      .returning({ id: payments.id });
    if (!payment) throw new AlreadyRecorded();
    await tx
      .insert(paymentTransactions)
      .values({
        paymentId: pi.id,
        type: 'purchase',
        stripeObjectId: charge.id,
        gross: pkg.priceAmount,
        fee,
        net: pkg.priceAmount - fee,
        currency: pkg.currency,
        metadata: { payment_intent: pi.id, payable_type: 'package', payable_id: purchase.id, recorded_by: 'integration' },
      })
      .onConflictDoNothing({ target: paymentTransactions.stripeObjectId });
    const { credit } = await grantCredit(tx, {
      clientId,
      packageId: pkg.id,
      purchaseId: purchase.id,
      source: 'integration',
      packageName: pkg.name,
      uses: pkg.classCount,
      paymentId: pi.id,
      amountPaid: pkg.priceAmount,
      currency: pkg.currency,
      feeBps: pkg.feeBps,
      purchasedAt: at,
      expiresAt: creditExpiry(at, pkg.validityDays),
      classScope: pkg.classScope,
      classIds: pkg.classIds,
      sessionTypeIds: pkg.sessionTypeIds,
      actor,
      reason: `Bought ${pkg.name} (recorded by the payment system)`,
    });
    return credit;
  });
}

async function answer(credit: Credit, created: boolean): Promise<CreateCreditResult & { created: boolean }> {
  const [grant] = await getDb()
    .select({ id: creditEntries.id })
    .from(creditEntries)
    .where(and(eq(creditEntries.creditId, credit.id), eq(creditEntries.kind, 'grant')))
    .limit(1);
  if (!grant) throw new Error(`credit ${credit.id} has no grant entry`);
  return { success: true, credit: toCreditDto(credit), transaction_id: grant.id, created };
}
