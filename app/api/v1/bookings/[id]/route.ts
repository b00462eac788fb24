import { getBookingFor } from '@/lib/bookings';
import { apiRoute } from '@/lib/http';

// GET /api/v1/bookings/:id -> {booking}; 404 for anyone not involved.
export const GET = apiRoute({ access: 'user' }, async ({ user, params }) => ({
  booking: await getBookingFor(String(params.id), user),
}));
