import type { Module } from '../emulator';
import { installBalance } from './balance';
import { installCharges } from './charges';
import { installCustomers } from './customers';
import { installPaymentIntents } from './payment-intents';
import { installPaymentMethods } from './payment-methods';
import { installPayouts } from './payouts';
import { installRefunds } from './refunds';
import { installTransfers } from './transfers';

export { completeAuthentication } from './payment-flow';

/** Customers, payment methods, PaymentIntents, charges, refunds, balances, transfers, payouts and application fees. */
export const paymentsModule: Module = (emu) => {
  installCustomers(emu);
  installPaymentMethods(emu);
  installPaymentIntents(emu);
  installCharges(emu);
  installRefunds(emu);
  installBalance(emu);
  installTransfers(emu);
  installPayouts(emu);
};
