import { errorResponse } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { setReminders, verifyUnsubscribe } from '@/lib/mail';

function signed(request: Request): string {
  const url = new URL(request.url);
  const userId = url.searchParams.get('u');
  if (!userId || !verifyUnsubscribe(userId, url.searchParams.get('t'))) throw new AppError('not_found', 'This unsubscribe link is not valid.');
  return userId;
}

// POST /api/mail/unsubscribe?u&t: RFC 8058 one-click (List-Unsubscribe-Post), no sign-in: reminders off.
export async function POST(request: Request): Promise<Response> {
  try {
    await setReminders(signed(request), false);
    return Response.json({ reminders: false });
  } catch (err) {
    return errorResponse(err);
  }
}

// GET (the link clicked in a mail client): turns reminders off and shows the page that says so.
export async function GET(request: Request): Promise<Response> {
  try {
    await setReminders(signed(request), false);
    return Response.redirect(new URL('/unsubscribe?done=1', request.url), 303);
  } catch {
    return Response.redirect(new URL('/unsubscribe?invalid=1', request.url), 303);
  }
}
