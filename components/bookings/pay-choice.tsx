'use client';

import { useId } from 'react';
import { LocalDate } from '@/components/local-date';

/** What the booking page offers beside "Pay by card": the client's covering credits (never a price: that stays on the server). */
export interface CreditOffer {
  usesLeft: number;
  nextExpiresAt: string;
}

/**
 * "Use a credit" or "Pay by card" ("Pay with M-Pesa" for KES), as a radio group named `pay_with`; the
 * credit is chosen by default since it is already paid for.
 */
export function PayChoice({ credit, priceLabel, byMpesa = false }: { credit: CreditOffer; priceLabel: string; byMpesa?: boolean }) {
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-2" data-testid="pay-choice">
      <legend className="mb-1 text-sm font-medium">How would you like to pay?</legend>
      <label htmlFor={`${id}-credit`} className="flex cursor-pointer items-start gap-2 rounded-lg border border-border px-3 py-2 has-checked:border-primary has-checked:bg-secondary/50">
        <input id={`${id}-credit`} type="radio" name="pay_with" value="credit" defaultChecked className="mt-1 accent-(--color-primary)" />
        <span>
          <span className="font-medium">Use a credit</span>{' '}
          <span className="text-sm text-muted-foreground">
            ({credit.usesLeft} left, next expires <LocalDate iso={credit.nextExpiresAt} />)
          </span>
        </span>
      </label>
      <label htmlFor={`${id}-card`} className="flex cursor-pointer items-start gap-2 rounded-lg border border-border px-3 py-2 has-checked:border-primary has-checked:bg-secondary/50">
        <input id={`${id}-card`} type="radio" name="pay_with" value="card" className="mt-1 accent-(--color-primary)" />
        <span>
          {/* A KES price is paid by M-Pesa, on the pay page after booking. */}
          <span className="font-medium">{byMpesa ? 'Pay with M-Pesa' : 'Pay by card'}</span> <span className="text-sm text-muted-foreground">{priceLabel}</span>
        </span>
      </label>
    </fieldset>
  );
}
