import type { Emulator } from '../emulator';
import { dispatcherOf } from '../webhooks/dispatcher';
import { balanceOf } from '../resources/balance';
import { esc, page, table, time, money } from './html';

const LIMIT = 50;

function idOf(value: string | { id: string } | null | undefined): string {
  return typeof value === 'string' ? value : (value?.id ?? '');
}

/** "£12.00 available, £3.00 pending" per currency. */
function balanceLine(emu: Emulator): string {
  const balance = balanceOf(emu, null);
  return balance.available
    .map((a) => `${money(a.amount, a.currency)} available, ${money(balance.pending.find((p) => p.currency === a.currency)?.amount ?? 0, a.currency)} pending`)
    .join('; ');
}

/** Every collection that matters at a glance, newest first, refreshed every 5 s. */
export function renderDashboard(emu: Emulator): string {
  const { state } = emu;
  const take = <T>(items: T[]): T[] => items.slice(0, LIMIT);

  const sections: [string, number, string][] = [
    [
      'Payment intents',
      state.all('payment_intents').length,
      table(
        ['id', 'amount', 'status', 'customer', 'created'],
        take(state.all('payment_intents')).map((pi) => [pi.id, money(pi.amount, pi.currency), pi.status, idOf(pi.customer), time(pi.created)]),
      ),
    ],
    [
      'Charges',
      state.all('charges').length,
      table(
        ['id', 'amount', 'refunded', 'status', 'payment intent', 'created'],
        take(state.all('charges')).map((ch) => [
          ch.id,
          money(ch.amount, ch.currency),
          money(ch.amount_refunded, ch.currency),
          ch.status,
          idOf(ch.payment_intent),
          time(ch.created),
        ]),
      ),
    ],
    [
      'Refunds',
      state.all('refunds').length,
      table(
        ['id', 'amount', 'status', 'charge', 'created'],
        take(state.all('refunds')).map((re) => [re.id, money(re.amount, re.currency), re.status, idOf(re.charge), time(re.created)]),
      ),
    ],
    [
      'Checkout sessions',
      state.all('checkout_sessions').length,
      table(
        ['id', 'amount', 'status', 'payment status', 'created'],
        take(state.all('checkout_sessions')).map((cs) => [cs.id, money(cs.amount_total, cs.currency), cs.status, cs.payment_status, time(cs.created)]),
      ),
    ],
    [
      'Accounts',
      state.all('accounts').length,
      table(
        ['id', 'type', 'charges enabled', 'payouts enabled', 'details submitted', 'created'],
        take(state.all('accounts')).map((a) => [a.id, a.type, a.charges_enabled, a.payouts_enabled, a.details_submitted, time(a.created)]),
      ),
    ],
    [
      'Transfers',
      state.all('transfers').length,
      table(
        ['id', 'amount', 'reversed', 'destination', 'source transaction', 'created'],
        take(state.all('transfers')).map((tr) => [tr.id, money(tr.amount, tr.currency), money(tr.amount_reversed, tr.currency), idOf(tr.destination), idOf(tr.source_transaction), time(tr.created)]),
      ),
    ],
    [
      'Payouts',
      state.all('payouts').length,
      table(
        ['id', 'amount', 'status', 'account', 'arrival', 'created'],
        take(state.all('payouts')).map((po) => [po.id, money(po.amount, po.currency), po.status, state.ownerOf(po.id) ?? 'platform', time(po.arrival_date), time(po.created)]),
      ),
    ],
    [
      'Webhook endpoints',
      state.all('webhook_endpoints').length,
      table(
        ['id', 'url', 'events', 'status'],
        take(state.all('webhook_endpoints')).map((we) => [we.id, we.url, we.enabled_events.join(', '), we.status]),
      ),
    ],
    [
      'Events',
      state.all('events').length,
      table(
        ['type', 'id', 'object', 'pending webhooks', 'created'],
        take(state.all('events')).map((ev) => {
          const object = ev.data.object as { id?: string };
          return [ev.type, ev.id, object.id ?? '', ev.pending_webhooks, time(ev.created)];
        }),
      ),
    ],
    [
      'Webhook deliveries',
      state.all('deliveries').length,
      table(
        ['event', 'type', 'url', 'status', 'attempts', 'last HTTP status', 'next attempt'],
        take(state.all('deliveries')).map((d) => {
          const last = d.attempts.at(-1);
          return [
            d.event_id,
            d.event_type,
            d.url,
            d.status,
            d.attempts.length,
            last ? (last.status ?? last.error ?? '') : '',
            time(d.next_attempt_at),
          ];
        }),
      ),
    ],
  ];

  const chaos = dispatcherOf(emu).chaos.list();
  const header =
    `<h1>Stripe emulator</h1><p class="muted">Clock ${esc(time(emu.clock.now()))}` +
    (emu.clock.offsetMs ? ` (advanced ${esc(Math.round(emu.clock.offsetMs / 1000))} s)` : '') +
    ` · chaos: ${esc(chaos.length ? chaos.map((c) => `${c.mode} ×${c.remaining}`).join(', ') : 'off')}` +
    ` · platform balance: ${esc(balanceLine(emu))}` +
    ` · refreshes every 5 s · newest first, ${LIMIT} per table</p>`;
  const body = sections.map(([title, count, html]) => `<h2>${esc(title)} <span class="muted">(${esc(count)})</span></h2>${html}`).join('');
  return page('Stripe emulator', header + body, { refreshSeconds: 5 });
}
