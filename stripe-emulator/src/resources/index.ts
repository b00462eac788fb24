import type { Module } from '../emulator';
import { installBalance } from './balance';
import { installCharges } from './charges';
import { installCustomers } from './customers';
import { installPaymentIntents } from './payment-intents';
import { installPaymentMethods } from './payment-methods';
import { installRefunds } from './refunds';

export { completeAuthentication } from './payment-flow';

/** Customers, payment methods, PaymentIntents, charges, refunds, balance transactions and application fees. */
export const paymentsModule: Module = (emu) => {
  installCustomers(emu);
  installPaymentMethods(emu);
  installPaymentIntents(emu);
  installCharges(emu);
  installRefunds(emu);
  installBalance(emu);
};
