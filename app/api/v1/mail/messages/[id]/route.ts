import { apiRoute } from '@/lib/http';
import { getMessage } from '@/lib/mail';

// GET /api/v1/mail/messages/:id (admins) -> the message with its rendered HTML, text, headers and attachments.
export const GET = apiRoute({ access: ['admin'] }, async ({ params }) => getMessage(String(params.id)));
