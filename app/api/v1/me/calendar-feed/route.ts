import { apiRoute } from '@/lib/http';
import { createFeed, hasFeed, revokeFeed } from '@/lib/mail';

// GET -> {active}; POST -> 201 {url} (a new secret feed URL, shown once; the old one stops working); DELETE -> {revoked}.
export const GET = apiRoute({ access: 'user' }, async ({ user }) => ({ active: await hasFeed(user.id) }));
export const POST = apiRoute({ access: 'user' }, async ({ user }) => Response.json(await createFeed(user.id), { status: 201 }));
export const DELETE = apiRoute({ access: 'user' }, async ({ user }) => ({ revoked: await revokeFeed(user.id) }));
