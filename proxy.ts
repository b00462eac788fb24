import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER } from '@/lib/auth';

/**
 * Tells the role-guarded layouts which page was asked for (layouts do not
 * know their URL), so a visitor sent to sign in comes back to that very page.
 * Authorisation itself happens in the layouts and pages, against the database.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/account/:path*', '/provider/:path*', '/admin/:path*'],
};
