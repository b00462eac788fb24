import { startSession } from '@/lib/bookings/lifecycle';
import { apiRoute } from '@/lib/http/api';

// POST /api/v1/bookings/:id/start -> {booking} (the booking's provider, or an admin)
export const POST = apiRoute({ access: ['provider', 'admin'] }, async ({ user, params }) => ({
  booking: await startSession(String(params.id), user),
}));
