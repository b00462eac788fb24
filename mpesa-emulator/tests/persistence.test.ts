import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONES, eventually, startReceiver, startTestEmulator, stk, type Receiver } from './support';

let receiver: Receiver;
let dir: string;
beforeAll(async () => {
  receiver = await startReceiver();
  dir = mkdtempSync(path.join(tmpdir(), 'mpesa-emulator-'));
});
afterAll(async () => {
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('state across a restart', () => {
  it('keeps the token, the clock, prompts, results and callbacks still being retried', async () => {
    const stateFile = path.join(dir, 'state.json');
    const first = await startTestEmulator({ stateFile, callbackRetryBaseMs: 60_000 });
    const token = await first.token();
    await first.control('/clock/advance', { seconds: 100 });
    const waiting = (await first.push(PHONES.person)).body.CheckoutRequestID as string;
    const paid = (await first.push('254711222333')).body.CheckoutRequestID as string;
    receiver.status = (n) => (n === 1 ? 503 : 200);
    await first.control(`/prompts/${paid}`, { action: 'approve' });
    await receiver.waitFor(1);
    await eventually(async () => {
      const list = (await first.control('/callbacks')).body.data as { attempts: unknown[] }[];
      return list[0]?.attempts.length === 1 ? true : undefined;
    });
    const offset = first.emu.clock.offsetMs;
    await first.close();
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ token: { value: token } });

    const second = await startTestEmulator({ stateFile, callbackRetryBaseMs: 10 });
    try {
      expect(second.emu.clock.offsetMs).toBe(offset);
      // The callback that was waiting for its retry is delivered by the new process.
      const [, retried] = await receiver.waitFor(2);
      expect(stk(retried!)).toMatchObject({ CheckoutRequestID: paid, ResultCode: 0 });
      // The old token still works; the prompts are still there.
      const pending = await second.call('/mpesa/stkpushquery/v1/query', { ...queryBody(second.pushBody(PHONES.person)), CheckoutRequestID: waiting }, token);
      expect(pending.body.errorCode).toBe('500.001.1001');
      const done = await second.call('/mpesa/stkpushquery/v1/query', { ...queryBody(second.pushBody(PHONES.person)), CheckoutRequestID: paid }, token);
      expect(done.body).toMatchObject({ ResultCode: '0' });
      const prompts = (await second.control('/prompts')).body.data as { checkout_request_id: string }[];
      expect(prompts.map((p) => p.checkout_request_id)).toEqual([waiting, paid]);
      // A reset empties the file too.
      await second.control('/reset', {});
      expect((await second.control('/prompts')).body.data).toEqual([]);
      expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ token: null, prompts: {} });
    } finally {
      await second.close();
    }
  });
});

function queryBody(push: Record<string, unknown>) {
  return { BusinessShortCode: push.BusinessShortCode, Password: push.Password, Timestamp: push.Timestamp };
}
