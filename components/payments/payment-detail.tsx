import Link from 'next/link';
import type { ReactNode } from 'react';
import { DetailList } from '@/components/detail-list';
import { LocalDateTime } from '@/components/local-date';
import { BackLink, DetailsCard } from '@/components/record-layout';
import { PageHeader } from '@/components/page-header';
import { linkClass } from '@/components/payments/empty-table';
import { paidWithLabel, payableTypeLabel } from '@/components/payments/labels';
import { LedgerTable, RefundsTable } from '@/components/payments/payment-ledger';
import { RefundDialog } from '@/components/payments/refund-dialog';
import { RefundOwedAttempts, RefundOwedBadge } from '@/components/payments/refund-owed';
import { PaymentStatusBadge } from '@/components/payments/status-badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatBps, formatMoney } from '@/lib/money';
import type { getPaymentFor } from '@/lib/payments';

type Detail = Awaited<ReturnType<typeof getPaymentFor>>;

/** A payment with its refunds and ledger, and the refund form (admins, and the practitioner paid). */
export function PaymentDetail({ detail, backHref, bookingHref }: { detail: Detail; backHref: string; bookingHref: string | null }) {
  const { payment, refunds, ledger } = detail;
  const currency = payment.amount.currency;
  const m = (amount: number) => formatMoney({ amount, currency });
  // What is still refundable: refunds in flight count as taken (lib/payments decides for real).
  const inFlight = refunds.filter((r) => ['pending', 'requires_action', 'succeeded'].includes(r.status)).reduce((sum, r) => sum + r.amount.amount, 0);
  const remaining = payment.amount.amount - Math.max(inFlight, payment.refunded_amount);
  const refundable = (payment.status === 'succeeded' || payment.status === 'partially_refunded') && remaining > 0;

  const details: [string, ReactNode][] = [
    ['Status', <PaymentStatusBadge key="s" status={payment.status} />],
    ['Amount', m(payment.amount.amount)],
    ['Platform fee', `${m(payment.platform_fee.amount)} (${formatBps(payment.platform_fee.bps)})`],
    ['Practitioner’s share', m(payment.provider_amount)],
    ['Refunded', payment.refunded_amount > 0 ? m(payment.refunded_amount) : '—'],
    ['Client', payment.client.email ? `${payment.client.name} · ${payment.client.email}` : payment.client.name],
    ['Practitioner', payment.provider?.name ?? '—'],
    [
      'For',
      payment.payable.type === 'booking' && bookingHref ? (
        <Link key="f" href={bookingHref ?? backHref} className={linkClass}>
          {payableTypeLabel(payment.payable.type)}
        </Link>
      ) : (
        payableTypeLabel(payment.payable.type)
      ),
    ],
    ['Paid with', paidWithLabel(payment)],
    ['Created', <LocalDateTime key="c" iso={payment.created_at} withYear />],
    ['Paid', payment.succeeded_at ? <LocalDateTime key="p" iso={payment.succeeded_at} withYear /> : '—'],
    [
      'Receipt',
      payment.mpesa ? (
        (payment.mpesa.receipt ?? '—')
      ) : payment.receipt_url ? (
        <a key="r" href={payment.receipt_url} target="_blank" rel="noreferrer noopener" className={linkClass}>
          Stripe receipt<span className="sr-only"> (opens in a new tab)</span>
        </a>
      ) : (
        '—'
      ),
    ],
  ];
  if (payment.refund_owed) {
    details.push([
      'Refund owed',
      <span key="o" className="flex flex-col gap-1">
        <RefundOwedBadge />
        <RefundOwedAttempts owed={payment.refund_owed} />
      </span>,
    ]);
  }
  if (payment.failure) details.push([payment.payment_provider === 'mpesa' ? 'Last attempt' : 'Decline', `${payment.failure.message ?? ''}${payment.failure.code ? ` (${payment.failure.code})` : ''}`]);

  return (
    <>
      <PageHeader
        title={`Payment of ${m(payment.amount.amount)}`}
        description={<span className="font-mono text-sm break-all">{payment.id}</span>}
        actions={
          <BackLink href={backHref}>All payments</BackLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <DetailsCard>
          <DetailList items={details} />
        </DetailsCard>
        <Card>
          <CardHeader>
            <CardTitle>Refund</CardTitle>
            <CardDescription>
              {refundable ? `${m(remaining)} can still be refunded.` : 'Only a paid payment with money left on it can be refunded.'}
            </CardDescription>
          </CardHeader>
          <CardContent>{refundable ? <RefundDialog paymentId={payment.id} remainingLabel={m(remaining)} currency={currency} fullOnly={payment.payment_provider === 'mpesa'} /> : null}</CardContent>
        </Card>
      </div>
      <section className="mt-8 flex flex-col gap-4" aria-labelledby="refunds-heading">
        <h2 id="refunds-heading" className="text-xl font-semibold">
          Refunds
        </h2>
        <RefundsTable refunds={refunds} />
      </section>
      <section className="mt-8 flex flex-col gap-4" aria-labelledby="ledger-heading">
        <h2 id="ledger-heading" className="text-xl font-semibold">
          Ledger
        </h2>
        <LedgerTable entries={ledger} />
      </section>
    </>
  );
}
