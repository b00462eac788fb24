import type { Emulator } from '../emulator';

/**
 * When new charge funds become available. Stripe's test cards put them in the pending
 * balance for days, except 4000 0000 0000 0077 (available at once); the emulator makes
 * every card behave like 0077 unless the control API holds funds (`POST
 * /_emulator/balance/hold {pending: true, days?}`), so an app can meet `balance_insufficient`.
 */
export interface FundsSettings {
  /** Days new charge funds stay pending; 0: available at once. */
  pendingDays: number;
}

const settings = new WeakMap<Emulator, FundsSettings>();

export const DEFAULT_PENDING_DAYS = 2;

export function fundsOf(emu: Emulator): FundsSettings {
  const found = settings.get(emu);
  if (found) return found;
  const created: FundsSettings = { pendingDays: 0 };
  settings.set(emu, created);
  emu.onReset(() => {
    created.pendingDays = 0;
  });
  return created;
}

/** `available_on` for the funds of a charge captured now. */
export function chargeFundsAvailableOn(emu: Emulator): number {
  return emu.clock.now() + fundsOf(emu).pendingDays * 86_400;
}
