import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONES, startReceiver, startTestEmulator, type Receiver, type TestEmulator } from './support';

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

describe('control API', () => {
  it('lists every push with its CheckoutRequestID and state; reset forgets them and the token', async () => {
    await t.token();
    const a = (await t.push(PHONES.person)).body.CheckoutRequestID;
    const b = (await t.push('254711000009')).body.CheckoutRequestID;
    await t.control(`/prompts/${String(b)}`, { action: 'cancel' });
    const list = await t.control('/prompts');
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({ checkout_request_id: a, state: 'pending', phone: PHONES.person }),
      expect.objectContaining({ checkout_request_id: b, state: 'failed', result_code: 1032 }),
    ]);
    expect((await t.control('/reset', {})).status).toBe(200);
    expect((await t.control('/prompts')).body.data).toEqual([]);
    expect((await t.push(PHONES.person)).status).toBe(401);
  });

  it('advances the clock and refuses bad input', async () => {
    const before = t.emu.clock.nowMs();
    const res = await t.control('/clock/advance', { seconds: 60 });
    expect(res.status).toBe(200);
    expect(res.body.now as number).toBeGreaterThanOrEqual(before + 60_000);
    expect((await t.control('/clock/advance', { seconds: 'soon' })).status).toBe(400);
    expect((await t.control('/clock/advance', { seconds: -1 })).status).toBe(400);
    const notJson = await fetch(`${t.url}/_emulator/reset`, { method: 'POST', body: '[' });
    expect(notJson.status).toBe(400);
    const unknown = await t.control('/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: { message: expect.any(String) } });
  });
});
