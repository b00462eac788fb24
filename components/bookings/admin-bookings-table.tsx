import Link from 'next/link';
import { DataTable, NameWithEmail, type Column } from '@/components/data-table';
import { LocalDateTime } from '@/components/local-date';
import { linkClass } from '@/components/payments/empty-table';
import type { BookingDto } from '@/lib/bookings';
import { formatMoney } from '@/lib/money';
import { bookingTitle, paymentLabel } from './labels';
import { BookingStatusBadge } from './status-badge';

const columns: readonly Column<BookingDto>[] = [
  {
    header: 'When',
    className: 'whitespace-nowrap',
    cell: (b) => (
      <Link href={`/admin/bookings/${b.id}`} className={linkClass}>
        <LocalDateTime iso={b.starts_at} withYear />
      </Link>
    ),
  },
  {
    header: 'What',
    rowHeader: true,
    cell: (b) => (
      <>
        {bookingTitle(b)}
        <span className="block text-xs font-normal text-muted-foreground">{b.kind === 'class' ? 'Class' : '1:1'}</span>
      </>
    ),
  },
  { header: 'Client', cell: (b) => <NameWithEmail person={b.client} /> },
  { header: 'Practitioner', cell: (b) => b.provider.name },
  { header: 'Status', cell: (b) => <BookingStatusBadge booking={b} /> },
  { header: 'Payment', cell: paymentLabel },
  { header: 'Amount', className: 'whitespace-nowrap', cell: (b) => formatMoney(b.amount_due) },
];

export function AdminBookingsTable({ bookings }: { bookings: BookingDto[] }) {
  return <DataTable caption="Bookings" columns={columns} rows={bookings} rowKey={(b) => b.id} empty="No bookings match" />;
}
