import { parseQuery } from '@/lib/fields';
import { apiRoute } from '@/lib/http';
import { listMessages, listMessagesQuery } from '@/lib/mail';

// GET /api/v1/mail/messages?state&recipient&page&page_size (admins) -> {messages, total, page, page_size}, newest first.
export const GET = apiRoute({ access: ['admin'] }, async ({ request }) => listMessages(parseQuery(request, listMessagesQuery)));
