import { getBookingFor } from '@/lib/bookings/queries';
import { apiRoute } from '@/lib/http/api';

// GET /api/v1/bookings/:id -> {booking}; 404 for anyone not involved.
export const GET = apiRoute({ access: 'user' }, async ({ user, params }) => ({
  booking: await getBookingFor(String(params.id), user),
}));
