import 'server-only';

/**
 * Earnings (PRODUCT.md's Earnings rule): what providers are owed, line by
 * line, and the payouts that pay them. Written here only; bookings, credits
 * and flows call the recorders inside their own transactions.
 */
export * from './types';
export { earningsQuery, earningLinesQuery, payoutsQuery, createPayoutsBody, type EarningLinesQuery, type PayoutsQuery, type CreatePayoutsBody } from './api-schemas';
export { earnFromPayment, earnFromCredit, applyEarningRefund, reverseEarning, deliverEarning, moveEarning } from './record';
export { reservePayout, settlePayout, failPayout, type ReservedPayout } from './payouts';
export { earningsTotals, listEarningLines, weeklyNet, listPayouts, getPayout, getPayoutStatement, payoutCandidates, providerOfPayout } from './queries';
export { earningsOwner } from './viewer';
