import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY, PHONES, SECRET, startReceiver, startTestEmulator, type Receiver, type TestEmulator } from './support';

let t: TestEmulator;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

function generate(auth: string | undefined, grant = 'client_credentials') {
  return fetch(`${t.url}/oauth/v1/generate?grant_type=${grant}`, { headers: auth ? { authorization: auth } : {} });
}
const basic = (k: string, s: string) => `Basic ${Buffer.from(`${k}:${s}`).toString('base64')}`;

describe('OAuth generate', () => {
  it('gives a token for the consumer key and secret, valid 3599 s', async () => {
    const res = await generate(basic(KEY, SECRET));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; expires_in: string };
    expect(body.expires_in).toBe('3599');
    expect(body.access_token).toMatch(/^\w{20,}$/);
  });

  it('refuses a wrong secret, a missing header and another grant type', async () => {
    for (const res of [await generate(basic(KEY, 'nope')), await generate(undefined)]) {
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ errorCode: '400.008.01', errorMessage: 'Invalid Authentication passed', requestId: expect.any(String) });
    }
    const grant = await generate(basic(KEY, SECRET), 'password');
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ errorCode: '400.008.02' });
  });

  it('answers 401 with Daraja error body without a token or with a made-up one', async () => {
    for (const token of ['', 'made-up']) {
      const res = await t.call('/mpesa/stkpush/v1/processrequest', t.pushBody(PHONES.person), token);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ requestId: expect.any(String), errorCode: '404.001.03', errorMessage: 'Invalid Access Token' });
    }
  });

  it('a new token invalidates the old one', async () => {
    const old = await t.token();
    const fresh = await t.token();
    expect(fresh).not.toBe(old);
    expect((await t.call('/mpesa/stkpushquery/v1/query', {}, old)).status).toBe(401);
    expect((await t.call('/mpesa/stkpushquery/v1/query', {}, fresh)).status).toBe(400);
  });

  it('a token expires after 3599 s of the emulator clock', async () => {
    const token = await t.token();
    await t.control('/clock/advance', { seconds: 3598 });
    expect((await t.call('/mpesa/stkpushquery/v1/query', {}, token)).status).toBe(400);
    await t.control('/clock/advance', { seconds: 1 });
    const expired = await t.call('/mpesa/stkpushquery/v1/query', {}, token);
    expect(expired.status).toBe(401);
    expect(expired.body.errorCode).toBe('404.001.03');
  });
});
