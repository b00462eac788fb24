import { completeSession } from '@/lib/bookings';
import { apiRoute } from '@/lib/http';

// POST /api/v1/bookings/:id/complete -> {booking} (the booking's provider, or an admin)
export const POST = apiRoute({ access: ['provider', 'admin'] }, async ({ user, params }) => ({
  booking: await completeSession(String(params.id), user),
}));
