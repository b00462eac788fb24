import { apiRoute } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { editClassAndBookings } from '@/lib/bookings';
import { getClass, updateClassInput } from '@/lib/schedule';

// GET /api/v1/classes/:id -> {class} (cancelled ones too, with cancelled: true); unknown or malformed id -> 404
export const GET = apiRoute({ access: 'public' }, async ({ params }) => {
  const found = await getClass(String(params.id));
  if (!found) throw new AppError('not_found', 'No such class.');
  return { class: found };
});

// PATCH /api/v1/classes/:id {title?, description?, starts_at?, duration_minutes?, capacity?, price?, location?, online_url?} -> {class}
// (its provider, admin; another provider's class is a 404): capacity never below the seats booked, price only while no one has paid (409).
export const PATCH = apiRoute({ access: ['provider', 'admin'], body: updateClassInput }, async ({ user, params, body }) => {
  return { class: await editClassAndBookings(String(params.id), body, user) };
});
