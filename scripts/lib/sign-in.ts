/** Cookie header pairs ("name=value") from a response's Set-Cookie headers. */
function cookiePairs(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').filter(Boolean);
}

/**
 * Signs in through next-auth's credentials endpoint, as the sign-in form
 * does, and returns the Cookie header a browser would then send.
 */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiePairs(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  await res.text();
  const session = cookiePairs(res).find((c) => /^(__Secure-)?authjs\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return [...jar, session].join('; ');
}
