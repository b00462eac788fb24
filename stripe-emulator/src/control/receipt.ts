import type Stripe from 'stripe';
import type { Emulator } from '../emulator';
import { esc, money, page, table, time } from './html';

function refundsOf(emu: Emulator, charge: Stripe.Charge): Stripe.Refund[] {
  return emu.state.all('refunds').filter((r) => (typeof r.charge === 'string' ? r.charge : r.charge?.id) === charge.id);
}

/** The page a charge's `receipt_url` points to. */
export function renderReceipt(emu: Emulator, charge: Stripe.Charge): string {
  const card = charge.payment_method_details?.card;
  const refunds = refundsOf(emu, charge);
  const rows: [string, string][] = [
    ['Amount paid', money(charge.amount, charge.currency)],
    ['Date paid', time(charge.created)],
    ['Payment method', card ? `${card.brand ?? 'card'} •••• ${card.last4 ?? ''}` : (charge.payment_method_details?.type ?? '')],
    ['Status', charge.status],
    ['Receipt number', charge.receipt_number ?? ''],
    ['Description', charge.description ?? ''],
  ];
  if (charge.amount_refunded > 0) rows.push(['Refunded', money(charge.amount_refunded, charge.currency)]);
  const details = rows
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `<tr><th>${esc(label)}</th><td>${esc(value)}</td></tr>`)
    .join('');
  const refundTable = refunds.length
    ? `<h2>Refunds</h2>${table(
        ['refund', 'amount', 'status', 'date'],
        refunds.map((r) => [r.id, money(r.amount, r.currency), r.status, time(r.created)]),
      )}`
    : '';
  const body =
    `<div class="card"><h1>Receipt</h1><p class="muted">${esc(charge.id)}</p>` +
    `<div class="total">${esc(money(charge.amount, charge.currency))}</div>` +
    `<table>${details}</table>${refundTable}` +
    `<p class="muted">Issued by the offline Stripe emulator; no money moved.</p></div>`;
  return page(`Receipt ${charge.id}`, body);
}

export function renderMissingReceipt(chargeId: string): string {
  return page('Receipt not found', `<div class="card"><h1>Receipt not found</h1><p>No such charge: ${esc(chargeId)}</p></div>`);
}
