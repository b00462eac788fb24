import { createPayoutsAction } from '@/app/admin/payouts/actions';
import { ConfirmActionDialog } from '@/components/confirm-action-dialog';
import { DataTable, type Column } from '@/components/data-table';
import { Badge } from '@/components/ui/badge';
import type { PayoutCandidate } from '@/lib/earnings';
import { sumByCurrency, type Money } from '@/lib/money';
import { amountText } from './earning-lines-table';

/** What can be paid: the positive amounts only (a currency whose clawbacks outweigh its earnings waits). */
export function payable(c: PayoutCandidate): Money[] {
  return c.available.filter((m) => m.amount > 0);
}

/** "£120.00 and €15.00". */
export function amountsText(amounts: readonly Money[]): string {
  const parts = amounts.map(amountText);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? amountText({ amount: 0, currency: 'gbp' }));
}

/** Everything payable by Stripe, per currency, for "Pay all". */
export function stripeTotals(candidates: readonly PayoutCandidate[]): { providers: number; amounts: Money[] } {
  const paid = candidates.filter((c) => c.payouts_enabled && payable(c).length > 0);
  return { providers: paid.length, amounts: sumByCurrency(paid.flatMap(payable)) };
}

function stripeState(c: PayoutCandidate): { label: string; why: string | null } {
  if (c.payouts_enabled) return { label: 'Payouts enabled', why: null };
  if (c.connect_account_id) return { label: 'Onboarding not finished', why: 'Their Stripe onboarding is not finished, so Stripe cannot pay them yet.' };
  return { label: 'Not connected', why: 'They have not connected a Stripe account, so Stripe cannot pay them.' };
}

function PayCell({ candidate: c }: { candidate: PayoutCandidate }) {
  const amounts = payable(c);
  if (amounts.length === 0) return <span className="text-muted-foreground">Nothing to pay</span>;
  const total = amountsText(amounts);
  const { why } = stripeState(c);
  if (!why) {
    return (
      <ConfirmActionDialog
        action={createPayoutsAction}
        fields={{ provider_id: c.provider_id, method: 'stripe' }}
        trigger={`Pay ${c.provider_name}…`}
        triggerSize="sm"
        title={`Pay ${c.provider_name} ${total}?`}
        description={`${total} goes to ${c.provider_name}’s Stripe account by transfer: every available earning line, less any clawbacks. This cannot be undone.`}
        confirmLabel={`Pay ${total}`}
        pendingLabel="Paying…"
      />
    );
  }
  return (
    <div className="flex flex-col items-start gap-2">
      <p className="text-sm text-muted-foreground">{why}</p>
      <ConfirmActionDialog
        action={createPayoutsAction}
        fields={{ provider_id: c.provider_id, method: 'manual' }}
        inputs={[{ name: 'reference', label: 'Bank transfer reference', placeholder: 'As it appears on the bank statement', required: true, maxLength: 200 }]}
        trigger="Record manual payout…"
        triggerVariant="outline"
        triggerSize="sm"
        title={`Record a manual payout of ${total} to ${c.provider_name}?`}
        description={`Only once you have sent ${total} to ${c.provider_name} by bank transfer: their available lines are marked paid out with this reference.`}
        confirmLabel="Record payout"
        pendingLabel="Recording…"
      />
    </div>
  );
}

const columns: Column<PayoutCandidate>[] = [
  {
    header: 'Practitioner',
    rowHeader: true,
    cell: (c) => (
      <>
        {c.provider_name}
        <span className="block break-all text-xs font-normal text-muted-foreground">{c.email}</span>
      </>
    ),
  },
  { header: 'Available', className: 'whitespace-nowrap', cell: (c) => (c.available.length ? c.available.map((m) => <span key={m.currency} className="block">{amountText(m)}</span>) : '—') },
  {
    header: 'Stripe',
    cell: (c) => (
      <Badge variant={c.payouts_enabled ? 'default' : 'muted'} data-testid="candidate-stripe">
        {stripeState(c).label}
      </Badge>
    ),
  },
  { header: 'Pay', cell: (c) => <PayCell candidate={c} /> },
];

/** Each practitioner with something available or a Stripe account, and how they can be paid now. */
export function PayoutCandidatesTable({ candidates }: { candidates: PayoutCandidate[] }) {
  return <DataTable caption="Practitioners to pay" columns={columns} rows={candidates} rowKey={(c) => c.provider_id} empty="Nothing to pay: no practitioner has available earnings." rowTestId="payout-candidate" />;
}

/** "Pay all" behind a confirmation naming the total, for everyone Stripe can pay. */
export function PayAllDialog({ candidates }: { candidates: PayoutCandidate[] }) {
  const { providers, amounts } = stripeTotals(candidates);
  if (providers === 0) return null;
  const total = amountsText(amounts);
  const who = providers === 1 ? '1 practitioner' : `${providers} practitioners`;
  return (
    <ConfirmActionDialog
      action={createPayoutsAction}
      fields={{ method: 'stripe' }}
      trigger="Pay all…"
      title={`Pay ${who} ${total}?`}
      description={`${total} in all goes by Stripe transfer to ${who} whose payouts are enabled. Practitioners Stripe cannot pay are left out: record their payouts by hand. This cannot be undone.`}
      confirmLabel={`Pay ${total}`}
      pendingLabel="Paying…"
    />
  );
}
