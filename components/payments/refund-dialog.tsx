'use client';

import { useRef, useState } from 'react';
import { previewRefundAction, refundPaymentAction } from '@/app/payments/actions';
import { ConfirmActionDialog, type DialogInput } from '@/components/confirm-action-dialog';

/** What the refund takes back besides the money, asked of the server for the amount typed (a class pass's uses). */
function useRefundPreview(paymentId: string) {
  const [revokes, setRevokes] = useState<number | null>(null);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ask = (amountText: string, delay: number) => {
    clearTimeout(timer.current);
    const call = ++latest.current;
    timer.current = setTimeout(() => {
      void previewRefundAction(paymentId, amountText).then((preview) => {
        if (call === latest.current) setRevokes(preview?.revokes_uses ?? null);
      });
    }, delay);
  };
  return { revokes, ask };
}

/**
 * "Refund" behind a confirmation: an optional amount in major units (empty
 * refunds what remains) and a required reason. For a class pass it says how
 * many uses the refund will revoke. Stripe's own refusal is shown as it is.
 */
export function RefundDialog({ paymentId, remainingLabel, currency, fullOnly = false }: { paymentId: string; remainingLabel: string; currency: string; fullOnly?: boolean }) {
  const amount = useRef('');
  const { revokes, ask } = useRefundPreview(paymentId);
  const amountInput: DialogInput = {
    name: 'amount',
    label: `Amount (${currency.toUpperCase()}, optional)`,
    placeholder: `Everything that remains (${remainingLabel})`,
    inputMode: 'decimal',
    onChange: (value) => {
      amount.current = value;
      ask(value, 300);
    },
  };
  return (
    <ConfirmActionDialog
      action={refundPaymentAction}
      trigger="Refund…"
      triggerVariant="destructive"
      confirmVariant="destructive"
      title="Refund this payment?"
      description={
        fullOnly
          ? `M-Pesa payments are refunded in full only: all ${remainingLabel} goes back to the client’s M-Pesa by a reversal, which M-Pesa confirms a little later. This cannot be undone.`
          : `Up to ${remainingLabel} can be refunded to the client’s card. The platform fee and the practitioner’s share shrink in proportion. This cannot be undone.`
      }
      confirmLabel="Refund"
      pendingLabel="Refunding…"
      cancelLabel="Keep payment"
      fields={{ payment_id: paymentId }}
      inputs={[
        // M-Pesa reverses a transaction whole: no amount to choose.
        ...(fullOnly ? [] : [amountInput]),
        { name: 'reason', label: 'Reason', required: true, maxLength: 500, multiline: true },
      ]}
      onOpenChange={(open) => {
        if (open) ask(amount.current, 0);
      }}
    >
      {revokes !== null ? (
        <p className="text-sm font-medium" role="status" aria-live="polite" data-testid="refund-revokes">
          This refund will revoke {revokes} {revokes === 1 ? 'use' : 'uses'} of the class pass.
        </p>
      ) : null}
    </ConfirmActionDialog>
  );
}
