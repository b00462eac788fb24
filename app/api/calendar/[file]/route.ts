import { calendarFeedFor } from '@/lib/bookings';
import { errorResponse } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { feedOwner } from '@/lib/mail';

// GET /api/calendar/:token.ics -> the user's upcoming bookings as an iCalendar feed; no sign-in (the token is the secret); 404 once revoked.
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  try {
    const { file } = await params;
    const userId = file.endsWith('.ics') ? await feedOwner(file.slice(0, -4)) : null;
    if (!userId) throw new AppError('not_found', 'No such calendar feed.');
    return new Response(await calendarFeedFor(userId), { headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' } });
  } catch (err) {
    return errorResponse(err);
  }
}
