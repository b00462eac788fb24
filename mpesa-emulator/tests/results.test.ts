import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PHONES, eventually, startReceiver, startTestEmulator, stk, type Receiver, type TestEmulator } from './support';

let t: TestEmulator;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestEmulator({ timeoutPhoneSeconds: 30 });
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});
beforeEach(async () => {
  await t.control('/reset', {});
  receiver.clear();
  await t.token();
});

async function pushed(phone: string, overrides?: Record<string, unknown>): Promise<string> {
  const res = await t.push(phone, overrides);
  expect(res.status).toBe(200);
  return res.body.CheckoutRequestID as string;
}

describe('test phones and STK Query', () => {
  it('254708374149 approves after 2 s of the emulator clock, with CallbackMetadata', async () => {
    const id = await pushed(PHONES.approves, { Amount: 1500 });
    const pending = await t.query(id);
    expect(pending.status).toBe(500);
    expect(pending.body).toEqual({ requestId: expect.any(String), errorCode: '500.001.1001', errorMessage: 'The transaction is being processed' });
    await t.control('/clock/advance', { seconds: 1 });
    expect((await t.query(id)).status).toBe(500);
    expect(receiver.requests).toHaveLength(0);
    await t.control('/clock/advance', { seconds: 1 });
    const [received] = await receiver.waitFor(1);
    const cb = stk(received!);
    expect(cb).toMatchObject({ CheckoutRequestID: id, MerchantRequestID: expect.any(String), ResultCode: 0, ResultDesc: 'The service request is processed successfully.' });
    const items = (cb.CallbackMetadata as { Item: { Name: string; Value: unknown }[] }).Item;
    const byName = Object.fromEntries(items.map((i) => [i.Name, i.Value]));
    expect(byName.Amount).toBe(1500);
    expect(byName.MpesaReceiptNumber).toMatch(/^[A-Z][A-Z0-9]{9}$/);
    expect(String(byName.TransactionDate)).toMatch(/^\d{14}$/);
    expect(byName.PhoneNumber).toBe(254708374149);
    const done = await t.query(id);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ ResponseCode: '0', CheckoutRequestID: id, ResultCode: '0', ResultDesc: 'The service request is processed successfully.' });
  });

  const failures: [string, string, number, number, string][] = [
    ['254700000001 is cancelled by the user', PHONES.cancels, 1, 1032, 'Request cancelled by user'],
    ['254700000003 has too little balance', PHONES.insufficient, 1, 1, 'The balance is insufficient for the transaction.'],
    ['254700000005 enters a wrong PIN', PHONES.wrongPin, 1, 2001, 'The initiator information is invalid.'],
    ['254700000002 times out', PHONES.timesOut, 30, 1037, 'DS timeout user cannot be reached'],
  ];
  it.each(failures)('%s', async (_name, phone, seconds, code, desc) => {
    const id = await pushed(phone);
    await t.control('/clock/advance', { seconds: seconds - 0.5 });
    expect((await t.query(id)).status).toBe(500);
    await t.control('/clock/advance', { seconds: 0.5 });
    const [received] = await receiver.waitFor(1);
    const cb = stk(received!);
    expect(cb).toEqual({ MerchantRequestID: expect.any(String), CheckoutRequestID: id, ResultCode: code, ResultDesc: desc });
    expect(cb.CallbackMetadata).toBeUndefined();
    const q = await t.query(id);
    expect(q.status).toBe(200);
    expect(q.body).toMatchObject({ ResultCode: String(code), ResultDesc: desc });
    // The phone is free again.
    expect((await t.push(phone)).status).toBe(200);
  });

  it('254700000004 approves but its callback never arrives; STK Query still knows', async () => {
    const id = await pushed(PHONES.loses);
    await t.control('/clock/advance', { seconds: 2 });
    const q = await eventually(async () => {
      const r = await t.query(id);
      return r.status === 200 ? r : undefined;
    });
    expect(q.body.ResultCode).toBe('0');
    const callbacks = await t.control('/callbacks');
    expect(callbacks.body.data).toEqual([expect.objectContaining({ subject: id, status: 'dropped', attempts: [] })]);
    expect(receiver.requests).toHaveLength(0);
  });

  it('any other phone waits for a person, however long', async () => {
    const id = await pushed(PHONES.person);
    await t.control('/clock/advance', { seconds: 600 });
    expect((await t.query(id)).status).toBe(500);
    expect(receiver.requests).toHaveLength(0);
  });

  it('STK Query validates its password and the CheckoutRequestID', async () => {
    const unknown = await t.query('ws_CO_000');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ errorCode: '400.002.02', errorMessage: 'Bad Request - Invalid CheckoutRequestID' });
    const id = await pushed(PHONES.person);
    const bad = await t.call('/mpesa/stkpushquery/v1/query', { BusinessShortCode: '174379', Password: 'x', Timestamp: '20200101000000', CheckoutRequestID: id });
    expect(bad.status).toBe(400);
    expect(bad.body.errorMessage).toBe('Bad Request - Invalid Timestamp');
  });
});

describe('control API actions', () => {
  it.each([
    ['approve', 0],
    ['cancel', 1032],
    ['wrong_pin', 2001],
    ['insufficient', 1],
    ['timeout', 1037],
  ] as const)('%s answers a waiting prompt with %i', async (action, code) => {
    const id = await pushed(PHONES.person);
    const res = await t.control(`/prompts/${id}`, { action });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ checkout_request_id: id, state: code === 0 ? 'succeeded' : 'failed', result_code: code });
    const [received] = await receiver.waitFor(1);
    expect(stk(received!).ResultCode).toBe(code);
    expect((await t.query(id)).body.ResultCode).toBe(String(code));
  });

  it('refuses an unknown action, an unknown prompt and a prompt already answered', async () => {
    const id = await pushed(PHONES.person);
    expect((await t.control(`/prompts/${id}`, { action: 'explode' })).status).toBe(400);
    expect((await t.control('/prompts/ws_CO_nope', { action: 'approve' })).status).toBe(404);
    expect((await t.control(`/prompts/${id}`, { action: 'approve' })).status).toBe(200);
    const again = await t.control(`/prompts/${id}`, { action: 'cancel' });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: { message: expect.any(String) } });
  });
});

describe('the phone page and the dashboard', () => {
  it('shows the amount and the merchant with Enter PIN and Cancel; Enter PIN approves', async () => {
    const id = await pushed(PHONES.person, { Amount: 2500 });
    const page = await fetch(`${t.url}/phone/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('KES 2,500');
    expect(html).toContain('Wellbook');
    expect(html).toMatch(/<label for="pin">M-Pesa PIN<\/label>/);
    expect(html).toMatch(/<button[^>]*value="approve"[^>]*>Enter PIN<\/button>/);
    expect(html).toMatch(/<button[^>]*value="cancel"[^>]*>Cancel<\/button>/);
    const post = await fetch(`${t.url}/phone/${id}`, { method: 'POST', body: new URLSearchParams({ pin: '1234', action: 'approve' }), redirect: 'manual' });
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toBe(`/phone/${id}`);
    const [received] = await receiver.waitFor(1);
    expect(stk(received!).ResultCode).toBe(0);
    const after = await (await fetch(`${t.url}/phone/${id}`)).text();
    expect(after).toContain('data-state="succeeded"');
  });

  it('Cancel sends 1032; an unknown prompt is a 404 page', async () => {
    const id = await pushed(PHONES.person);
    await fetch(`${t.url}/phone/${id}`, { method: 'POST', body: new URLSearchParams({ action: 'cancel' }), redirect: 'manual' });
    const [received] = await receiver.waitFor(1);
    expect(stk(received!).ResultCode).toBe(1032);
    expect((await fetch(`${t.url}/phone/ws_CO_nope`)).status).toBe(404);
  });

  it('the dashboard lists every prompt with a link to its phone page', async () => {
    const empty = await (await fetch(`${t.url}/`)).text();
    expect(empty).toContain('No STK pushes yet.');
    const id = await pushed(PHONES.person);
    const html = await (await fetch(`${t.url}/`)).text();
    expect(html).toContain(`href="/phone/${id}"`);
    expect(html).toContain('pending');
  });
});
