import { bookingCalendar } from '@/lib/bookings';
import { apiRoute } from '@/lib/http';

// GET /api/v1/bookings/:id/calendar.ics -> text/calendar: the booking's entry (stable UID, rising SEQUENCE); its client, provider and admins.
export const GET = apiRoute({ access: 'user' }, async ({ user, params }) => {
  const ics = await bookingCalendar(String(params.id), user);
  return new Response(ics, {
    headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="booking-${String(params.id)}.ics"`, 'cache-control': 'no-store' },
  });
});
