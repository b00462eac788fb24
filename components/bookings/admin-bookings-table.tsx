import Link from 'next/link';
import { LocalDateTime } from '@/components/local-date';
import type { BookingDto } from '@/lib/bookings';
import { formatMoney } from '@/lib/money';
import { bookingTitle, paymentLabel } from './labels';
import { BookingStatusBadge } from './status-badge';

export function AdminBookingsTable({ bookings }: { bookings: BookingDto[] }) {
  if (bookings.length === 0) {
    return <p className="rounded-lg border border-dashed border-border bg-muted/50 px-4 py-10 text-center text-muted-foreground">No bookings match</p>;
  }
  const cell = 'px-4 py-3';
  return (
    <div className="overflow-x-auto rounded-(--radius-card) border border-border bg-card">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Bookings</caption>
        <thead className="border-b border-border bg-muted/60 text-muted-foreground">
          <tr>
            {['When', 'What', 'Client', 'Practitioner', 'Status', 'Payment', 'Amount'].map((h) => (
              <th key={h} scope="col" className={`${cell} font-medium`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {bookings.map((b) => (
            <tr key={b.id}>
              <td className={`${cell} whitespace-nowrap`}>
                <Link href={`/admin/bookings/${b.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                  <LocalDateTime iso={b.starts_at} withYear />
                </Link>
              </td>
              <th scope="row" className={`${cell} font-medium`}>
                {bookingTitle(b)}
                <span className="block text-xs font-normal text-muted-foreground">{b.kind === 'class' ? 'Class' : '1:1'}</span>
              </th>
              <td className={cell}>
                {b.client.name}
                <span className="block break-all text-xs text-muted-foreground">{b.client.email}</span>
              </td>
              <td className={cell}>{b.provider.name}</td>
              <td className={cell}>
                <BookingStatusBadge booking={b} />
              </td>
              <td className={cell}>{paymentLabel(b)}</td>
              <td className={`${cell} whitespace-nowrap`}>{formatMoney(b.amount_due)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
