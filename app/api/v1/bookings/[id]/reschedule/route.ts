import { rescheduleBody, rescheduleTarget, rescheduleBooking } from '@/lib/bookings';
import { apiRoute } from '@/lib/http';

// POST /api/v1/bookings/:id/reschedule {class_id} | {starts_at} -> 201 {booking}: the new booking, same payment.
export const POST = apiRoute({ access: ['client', 'admin'], body: rescheduleBody }, async ({ user, params, body }) => {
  return Response.json({ booking: await rescheduleBooking(String(params.id), user, rescheduleTarget(body)) }, { status: 201 });
});
