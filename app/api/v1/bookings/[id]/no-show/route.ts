import { markNoShow } from '@/lib/bookings';
import { apiRoute } from '@/lib/http';

// POST /api/v1/bookings/:id/no-show -> {booking} (the booking's provider, or an admin)
export const POST = apiRoute({ access: ['provider', 'admin'] }, async ({ user, params }) => ({
  booking: await markNoShow(String(params.id), user),
}));
