// The payable contract: types only. The registry of handlers is built in lib/flows.
export type {
  PayableCharge,
  PayableHandler,
  PayableRef,
  PayableRegistry,
  PayableType,
  PaymentOutcome,
  PaymentRecorder,
  PaymentRefund,
} from './types';
