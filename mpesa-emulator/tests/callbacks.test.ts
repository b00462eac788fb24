import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PHONES, eventually, startReceiver, startTestEmulator, stk, type Receiver, type TestEmulator } from './support';

let t: TestEmulator;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestEmulator({ callbackAttempts: 4, callbackRetryBaseMs: 20 });
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

async function approved(phone: string = PHONES.person): Promise<string> {
  const id = (await t.push(phone)).body.CheckoutRequestID as string;
  expect((await t.control(`/prompts/${id}`, { action: 'approve' })).status).toBe(200);
  return id;
}

interface DeliveryView {
  subject: string;
  status: string;
  attempts: { at: number; status: number | null }[];
}
async function deliveries(): Promise<DeliveryView[]> {
  return (await t.control('/callbacks')).body.data as DeliveryView[];
}

describe('callback delivery', () => {
  it('retries a non-2xx answer with doubling delays until it is taken', async () => {
    receiver.status = (n) => (n < 3 ? 503 : 200);
    const id = await approved();
    await receiver.waitFor(3);
    const [d] = await eventually(async () => {
      const list = await deliveries();
      return list[0]?.status === 'delivered' ? list : undefined;
    });
    expect(d!.subject).toBe(id);
    expect(d!.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
    // Retry delays double: 20 ms, then 40 ms (timers may fire a millisecond early).
    const [a1, a2, a3] = d!.attempts.map((a) => a.at) as [number, number, number];
    expect(a2 - a1).toBeGreaterThanOrEqual(18);
    expect(a3 - a2).toBeGreaterThanOrEqual(38);
    expect(receiver.requests.every((r) => stk(r).CheckoutRequestID === id)).toBe(true);
  });

  it('gives up after the configured attempts', async () => {
    receiver.status = () => 500;
    await approved();
    await receiver.waitFor(4);
    const [d] = await eventually(async () => {
      const list = await deliveries();
      return list[0]?.status === 'failed' ? list : undefined;
    });
    expect(d!.attempts).toHaveLength(4);
    expect(receiver.requests).toHaveLength(4);
  });

  it('retries when the receiver cannot be reached', async () => {
    const id = (await t.push(PHONES.person, { CallBackURL: 'http://127.0.0.1:9/unreachable' })).body.CheckoutRequestID as string;
    await t.control(`/prompts/${id}`, { action: 'cancel' });
    const [d] = await eventually(async () => {
      const list = await deliveries();
      return list[0]?.status === 'failed' ? list : undefined;
    });
    expect(d!.attempts).toHaveLength(4);
    expect(d!.attempts.every((a) => a.status === null)).toBe(true);
  });

  it('drops the next N callbacks, then delivers again', async () => {
    expect((await t.control('/callbacks/drop', { count: 2 })).body).toEqual({ drop_next: 2 });
    const first = await approved('254711000001');
    const second = await approved('254711000002');
    const third = await approved('254711000003');
    await receiver.waitFor(1);
    expect(receiver.requests.map((r) => stk(r).CheckoutRequestID)).toEqual([third]);
    const list = await deliveries();
    expect(list.filter((d) => d.status === 'dropped').map((d) => d.subject)).toEqual([first, second]);
    expect((await t.control('/callbacks/drop', { count: -1 })).status).toBe(400);
  });

  it('resends a callback as many copies as asked, even a lost one', async () => {
    const id = await approved();
    await receiver.waitFor(1);
    const res = await t.control(`/callbacks/${id}/resend`, { copies: 3 });
    expect(res.status).toBe(200);
    expect(res.body.deliveries).toHaveLength(3);
    await receiver.waitFor(4);
    const bodies = receiver.requests.map((r) => JSON.stringify(r.body));
    expect(new Set(bodies).size).toBe(1);

    receiver.clear();
    const lost = (await t.push(PHONES.loses)).body.CheckoutRequestID as string;
    await t.control('/clock/advance', { seconds: 2 });
    await eventually(async () => ((await t.query(lost)).status === 200 ? true : undefined));
    expect(receiver.requests).toHaveLength(0);
    expect((await t.control(`/callbacks/${lost}/resend`, {})).status).toBe(200);
    const [again] = await receiver.waitFor(1);
    expect(stk(again!)).toMatchObject({ CheckoutRequestID: lost, ResultCode: 0 });
  });

  it('refuses to resend a pending prompt or an unknown one, and bad copies', async () => {
    const id = (await t.push(PHONES.person)).body.CheckoutRequestID as string;
    expect((await t.control(`/callbacks/${id}/resend`, {})).status).toBe(409);
    expect((await t.control('/callbacks/ws_CO_nope/resend', {})).status).toBe(404);
    await t.control(`/prompts/${id}`, { action: 'approve' });
    expect((await t.control(`/callbacks/${id}/resend`, { copies: 0 })).status).toBe(400);
    expect((await t.control(`/callbacks/${id}/resend`, { copies: 'two' })).status).toBe(400);
  });
});
