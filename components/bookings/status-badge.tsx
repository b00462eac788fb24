import { LocalDateTime } from '@/components/local-date';
import { Badge, type BadgeProps } from '@/components/ui/badge';
import type { BookingDto } from '@/lib/bookings';
import { bookingStatusLabel } from './labels';

const variant: Record<BookingDto['status'], BadgeProps['variant']> = {
  pending_payment: 'outline',
  confirmed: 'default',
  in_progress: 'default',
  completed: 'muted',
  cancelled: 'destructive',
  expired: 'muted',
  no_show: 'destructive',
};

/** The booking's status; a booking awaiting payment also says until when its seat is held. */
export function BookingStatusBadge({ booking }: { booking: Pick<BookingDto, 'status' | 'hold_expires_at'> }) {
  return (
    <Badge variant={variant[booking.status]} data-testid="booking-status">
      {booking.status === 'pending_payment' && booking.hold_expires_at ? (
        // One inline span: a flex container would drop the spaces around the time.
        <span>
          {bookingStatusLabel[booking.status]} · held until <LocalDateTime iso={booking.hold_expires_at} timeOnly />
        </span>
      ) : (
        bookingStatusLabel[booking.status]
      )}
    </Badge>
  );
}
