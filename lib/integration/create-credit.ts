import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { creditEntries, users, type ClassPackage, type Credit } from '@/db/schema';
import { now } from '@/lib/clock';
import { creditForPayment, type CreditActor, toCreditDto, type CreditDto } from '@/lib/credits';
import { payments as payFlows } from '@/lib/flows';
import { AppError, isAppError } from '@/lib/errors';
import { recordExternalPurchase, findPackageRow } from '@/lib/packages';
import { payableOfPayment, paymentIntentNamed, requireSucceeded, type StripePaymentIntent } from '@/lib/payments';

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
  const pkg = await findPackageRow(input.packageId);
  if (!pkg) throw new AppError('not_found', 'No such package.', { fields: { package_id: ['No package has this id.'] } });

  const pi = await paymentIntentNamed(input.paymentId);
  requireSucceeded(pi);
  requireAmount(pi, pkg, input.amountPaid);

  const known = await payableOfPayment(pi.id);
  if (known) return answer(matching(await creditOfOwnCheckout(pi.id, known), input), true);
  if (pi.metadata?.payable_type && pi.metadata.payable_type !== 'package') throw notThisPurchase();

  try {
    return answer(await recordPurchaseAndPayment(input.clientId, pkg, pi, actor), true);
  } catch (err) {
    if (!isAppError(err) || err.code !== 'conflict') throw err;
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
  await payFlows.syncPaymentIntent(paymentId);
  const credit = await creditForPayment(getDb(), paymentId);
  if (!credit) throw new AppError('conflict', 'This purchase could not take the payment.');
  return credit;
}

/**
 * One transaction: the purchase (paid, at the package's price and fee), then
 * its payment recorded and applied by the webhook's own path (payment row,
 * ledger row, the credit granted by the package payable, by this caller).
 * A concurrent identical call waits on the payment's key and gets a 409, and
 * its purchase is rolled back.
 */
async function recordPurchaseAndPayment(clientId: string, pkg: ClassPackage, pi: StripePaymentIntent, actor: CreditActor): Promise<Credit> {
  await getDb().transaction(async (tx) => {
    const charge = await recordExternalPurchase(tx, { clientId, pkg, paymentRef: pi.id, at: now() });
    await payFlows.recordExternalPayment(tx, { paymentIntent: pi, payable: charge.payable, charge, recordedBy: actor });
  });
  const credit = await creditForPayment(getDb(), pi.id);
  if (!credit) throw new Error(`recorded payment ${pi.id} granted no credit`);
  return credit;
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
