import { startSession } from '@/lib/bookings';
import { apiRoute } from '@/lib/http';

// POST /api/v1/bookings/:id/start -> {booking} (the booking's provider, or an admin)
export const POST = apiRoute({ access: ['provider', 'admin'] }, async ({ user, params }) => ({
  booking: await startSession(String(params.id), user),
}));
