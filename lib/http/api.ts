import 'server-only';
import type { z } from 'zod';
import type { UserRole } from '@/db/schema';
import { userForApiToken } from '@/lib/auth/api-tokens';
import { getCurrentUser } from '@/lib/auth/session';
import { logger } from '@/lib/logger';
import type { PublicUser } from '@/lib/users/public-user';
import { AppError, isAppError } from './errors';
import { readJsonBody } from './json-body';

export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, init);
}

export function errorResponse(err: unknown): Response {
  if (isAppError(err)) {
    return Response.json(err.toBody(), { status: err.status, headers: err.headers });
  }
  // Only the code and message of unknown failures are logged: never request data.
  logger.error('unhandled error', { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack });
  return Response.json(new AppError('internal_error', 'Something went wrong on our side. Please try again.').toBody(), {
    status: 500,
  });
}

/** The caller: a bearer token if one is sent (and then only it), else the session cookie. */
export async function apiUser(request: Request): Promise<PublicUser | null> {
  const header = request.headers.get('authorization');
  if (header !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return match?.[1] ? userForApiToken(match[1]) : null;
  }
  return getCurrentUser();
}

type Access = 'public' | 'user' | readonly UserRole[];

interface Context<TBody, TUser> {
  request: Request;
  body: TBody;
  user: TUser;
  params: Record<string, string | string[] | undefined>;
}

type UserFor<A extends Access> = A extends 'public' ? PublicUser | null : PublicUser;

/**
 * Wraps a /api/v1 route: checks who is asking and whether they may, parses the
 * JSON body with its zod schema, and maps every failure to the error shape of
 * PRODUCT.md. The handler returns data (sent as 200 JSON) or a Response.
 */
export function apiRoute<A extends Access, S extends z.ZodType | undefined = undefined>(
  options: { access: A; body?: S },
  handler: (ctx: Context<S extends z.ZodType ? z.output<S> : undefined, UserFor<A>>) => Promise<unknown>,
) {
  return async (request: Request, route: { params: Promise<Record<string, string | string[] | undefined>> }) => {
    try {
      const user = options.access === 'public' ? await apiUser(request).catch(() => null) : await apiUser(request);
      if (options.access !== 'public') {
        if (!user) throw new AppError('unauthorized', 'Sign in or send a valid bearer token.', { headers: { 'WWW-Authenticate': 'Bearer' } });
        if (Array.isArray(options.access) && !options.access.includes(user.role)) {
          throw new AppError('forbidden', 'You do not have access to this resource.');
        }
      }
      const body = options.body ? await readJsonBody(request, options.body) : undefined;
      const params = (await route?.params) ?? {};
      const result = await handler({ request, body, user, params } as Context<
        S extends z.ZodType ? z.output<S> : undefined,
        UserFor<A>
      >);
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}
