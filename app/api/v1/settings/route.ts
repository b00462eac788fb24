import { apiRoute } from '@/lib/http';
import { listSettings, updateSettings, updateSettingsBody } from '@/lib/settings';

// GET /api/v1/settings -> {settings}: each with its value, default, description and range (admin).
export const GET = apiRoute({ access: ['admin'] }, async () => ({ settings: await listSettings() }));

// PATCH /api/v1/settings {key: value, ...} -> {settings}: each change audited; applies to new bookings and payments only (admin).
export const PATCH = apiRoute({ access: ['admin'], body: updateSettingsBody }, async ({ user, body }) => ({ settings: await updateSettings(user, body) }));
