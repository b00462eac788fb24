import type { CreditDto, CreditEntryDto, CreditState } from '@/lib/credits';

export const creditStateLabel: Record<CreditState, string> = {
  active: 'Active',
  used_up: 'Used up',
  expired: 'Expired',
  revoked: 'Revoked',
};

export const entryKindLabel: Record<CreditEntryDto['kind'], string> = {
  grant: 'Granted',
  use: 'Used',
  return: 'Given back',
  expire: 'Expired',
  adjust: 'Adjusted',
  revoke: 'Revoked',
};

/** "+5", "-1": the sign is always shown, so a reader never has to guess the direction. */
export function signedDelta(delta: number): string {
  return delta > 0 ? `+${delta}` : String(delta);
}

/** How a credit's expiry is shown: always with its year ("1 Dec 2027"), so it never reads as this year's. */
export const EXPIRY_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

export function usesLabel(n: number): string {
  return n === 1 ? '1 class' : `${n} classes`;
}

/** Who made a ledger entry, in the admin's words. */
export function actorLabel(actor: CreditEntryDto['actor']): string {
  if (actor.type === 'user') return actor.name;
  if (actor.type === 'api_key') return `API key “${actor.name}”`;
  return 'System';
}

export function sourceLabel(source: CreditDto['source']): string {
  return { purchase: 'Bought', admin: 'Given by the studio', integration: 'Added by an integration' }[source];
}
