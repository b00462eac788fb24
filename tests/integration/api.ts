import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';

export const appUrls = () => inject('appUrls');

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the app over HTTP. `server` picks one of the app processes; `ip` sets X-Forwarded-For. */
export async function api<T = Record<string, unknown>>(
  path: string,
  options: { method?: string; json?: unknown; rawBody?: string; contentType?: string; token?: string; server?: number; ip?: string } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (options.rawBody !== undefined) body = options.rawBody;
  if (options.contentType) headers['content-type'] = options.contentType;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  // Each test speaks from its own address, so per-IP limits of one test never touch another.
  headers['x-forwarded-for'] = options.ip ?? testIp;
  const base = appUrls()[options.server ?? 0];
  const res = await fetch(`${base}${path}`, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON; kept as text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

let testIp = randomIp();

export function randomIp(): string {
  const b = () => Math.floor(Math.random() * 254) + 1;
  return `10.${b()}.${b()}.${b()}`;
}

export function useFreshIp(): string {
  testIp = randomIp();
  return testIp;
}

export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function registerAndToken(tag = 'user'): Promise<{ email: string; password: string; token: string; id: string }> {
  const email = uniqueEmail(tag);
  const password = `pw-${randomUUID()}`;
  const reg = await api<{ user: { id: string } }>('/api/v1/auth/register', { json: { email, password, name: 'Test User' } });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${JSON.stringify(reg.body)}`);
  const tok = await api<{ token: string }>('/api/v1/auth/token', { json: { email, password } });
  if (tok.status !== 201) throw new Error(`token failed: ${tok.status} ${JSON.stringify(tok.body)}`);
  return { email, password, token: tok.body.token, id: reg.body.user.id };
}
