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

async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${new URL(url).pathname} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/**
 * A new client, as the app makes one: registered through POST /api/v1/auth/register,
 * given a bearer token by POST /api/v1/auth/token and, unless told otherwise, a
 * valid health questionnaire (every answer "no") through PUT /api/v1/questionnaire.
 * Over HTTP only, so a benchmark loads none of the app's server modules.
 */
export async function registerClient(baseUrl: string, email: string, options: { questionnaire?: boolean } = {}): Promise<{ id: string; token: string }> {
  const password = `bench-${email}`;
  const { user } = await postJson<{ user: { id: string } }>(`${baseUrl}/api/v1/auth/register`, { email, password, name: 'Bench Client' });
  const { token } = await postJson<{ token: string }>(`${baseUrl}/api/v1/auth/token`, { email, password });
  if (options.questionnaire ?? true) {
    const questions = (await (await fetch(`${baseUrl}/api/v1/questionnaire/questions`)).json()) as { questions: { id: string }[] };
    const res = await fetch(`${baseUrl}/api/v1/questionnaire`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        answers: Object.fromEntries(questions.questions.map((q) => [q.id, false])),
        emergency_contact: { name: 'Bench Contact', phone: '+44 20 7946 0000', relationship: 'Friend' },
        consent: true,
      }),
    });
    if (!res.ok) throw new Error(`PUT /api/v1/questionnaire answered ${res.status}: ${await res.text()}`);
  }
  return { id: user.id, token };
}
