import 'server-only';
import type { z } from 'zod';
import type { UserRole } from '@/db/schema';
import { isDatabaseUnavailable } from '@/db/client';
import { userForApiToken, getCurrentUser, identifyApiKey, recordApiKeyCall, type ApiKeyCaller, isApiKeyToken, clientIp } from '@/lib/auth';
import { logger } from '@/lib/logger';
import type { PublicUser } from '@/lib/users';
import { AppError, isAppError } from '@/lib/errors';
import { readJsonBody } from './json-body';

export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, init);
}

export function errorResponse(err: unknown): Response {
  if (isAppError(err)) {
    return Response.json(err.toBody(), { status: err.status, headers: err.headers });
  }
  if (isDatabaseUnavailable(err)) {
    logger.warn('database unavailable', { message: (err as Error)?.message });
    return Response.json(new AppError('service_unavailable', 'The service is briefly unavailable. Please try again in a moment.').toBody(), {
      status: 503,
      headers: { 'retry-after': '5' },
    });
  }
  // Only the code and message of unknown failures are logged: never request data.
  logger.error('unhandled error', { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack });
  return Response.json(new AppError('internal_error', 'Something went wrong on our side. Please try again.').toBody(), {
    status: 500,
  });
}

/** The bearer token sent, if any: undefined without an Authorization header, null when it is malformed. */
function bearerToken(request: Request): string | null | undefined {
  const header = request.headers.get('authorization');
  if (header === null) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/** The caller: a bearer token if one is sent (and then only it), else the session cookie. */
export async function apiUser(request: Request): Promise<PublicUser | null> {
  const token = bearerToken(request);
  if (token !== undefined) return token ? userForApiToken(token) : null;
  return getCurrentUser();
}

type Access = 'public' | 'user' | readonly UserRole[];

type UserFor<A extends Access> = A extends 'public' ? PublicUser | null : PublicUser;

/**
 * Who is asking. Routes marked `integration` are also open to an admin-made
 * API key, and then `apiKey` is set and `user` is null; on every other route
 * `apiKey` is always null.
 */
type CallerFor<A extends Access, I extends boolean> = I extends true
  ? { user: UserFor<A>; apiKey: null } | { user: null; apiKey: ApiKeyCaller }
  : { user: UserFor<A>; apiKey: null };

type Context<TBody, TCaller> = {
  request: Request;
  body: TBody;
  params: Record<string, string | string[] | undefined>;
} & TCaller;

type BodyOf<S> = S extends z.ZodType ? z.output<S> : undefined;

const unauthorized = (message: string) => new AppError('unauthorized', message, { headers: { 'WWW-Authenticate': 'Bearer' } });

/**
 * Wraps a /api/v1 route: checks who is asking and whether they may, parses the
 * JSON body with its zod schema, and maps every failure to the error shape of
 * PRODUCT.md. The handler returns data (sent as 200 JSON) or a Response.
 *
 * A bearer token starting "wbk_" is an integration's API key: it is accepted
 * on `integration` routes only (403 elsewhere, never a user's access), and
 * every call that presents one is audited with its final status.
 */
export function apiRoute<A extends Access, S extends z.ZodType | undefined = undefined, I extends boolean = false>(
  options: { access: A; body?: S; integration?: I; /** No body at all is read as `{}`. */ bodyOptional?: boolean },
  handler: (ctx: Context<BodyOf<S>, CallerFor<A, I>>) => Promise<unknown>,
) {
  return async (request: Request, route: { params: Promise<Record<string, string | string[] | undefined>> }) => {
    const token = bearerToken(request);
    const keyToken = token && isApiKeyToken(token) ? token : null;
    let keyId: string | null = null;
    let response: Response;
    try {
      let caller: { user: PublicUser | null; apiKey: ApiKeyCaller | null };
      if (keyToken) {
        const key = await identifyApiKey(keyToken);
        keyId = key?.id ?? null;
        if (!options.integration) throw new AppError('forbidden', 'API keys can only call the integration endpoints.');
        if (!key || key.revoked) throw unauthorized('Invalid or revoked API key.');
        caller = { user: null, apiKey: { id: key.id, name: key.name } };
      } else {
        caller = { user: await authorisedUser(request, options.access), apiKey: null };
      }
      const body = options.body ? await readJsonBody(request, options.body, { optional: options.bodyOptional }) : undefined;
      const params = (await route?.params) ?? {};
      const result = await handler({ request, body, params, ...caller } as Context<BodyOf<S>, CallerFor<A, I>>);
      response = result instanceof Response ? result : Response.json(result);
    } catch (err) {
      response = errorResponse(err);
    }
    if (keyToken) await auditKeyCall(request, keyId, response.status);
    // API answers hold personal data or depend on who asks: never stored by a browser or a proxy.
    if (!response.headers.has('cache-control')) {
      try {
        response.headers.set('cache-control', 'no-store');
      } catch {
        // A response with immutable headers keeps its own.
      }
    }
    return response;
  };
}

/** The signed-in user (session or user bearer token) if the access rule lets them in; throws 401/403 otherwise. */
async function authorisedUser(request: Request, access: Access): Promise<PublicUser | null> {
  if (access === 'public') return apiUser(request).catch(() => null);
  const user = await apiUser(request);
  if (!user) throw unauthorized('Sign in or send a valid bearer token.');
  if (Array.isArray(access) && !access.includes(user.role)) {
    throw new AppError('forbidden', 'You do not have access to this resource.');
  }
  return user;
}

async function auditKeyCall(request: Request, apiKeyId: string | null, status: number): Promise<void> {
  try {
    await recordApiKeyCall({ apiKeyId, method: request.method, path: new URL(request.url).pathname, status, ip: clientIp(request.headers) });
  } catch (err) {
    // The answer stands; a lost audit row is logged, never turned into a failed call.
    logger.error('could not record an api key call', { api_key_id: apiKeyId, message: (err as Error).message });
  }
}
