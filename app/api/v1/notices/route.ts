import { listNotices } from '@/lib/bookings';
import { apiRoute } from '@/lib/http';

// GET /api/v1/notices -> {notices}: unread messages for the signed-in user, newest first.
export const GET = apiRoute({ access: 'user' }, async ({ user }) => ({ notices: await listNotices(user.id) }));
