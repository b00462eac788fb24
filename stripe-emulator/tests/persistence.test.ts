import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from './support';
import { causeEvent, startReceiver, type Receiver } from './webhook-receiver';

let dataDir: string;
let rcv: Receiver;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'stripe-emulator-'));
  rcv = await startReceiver();
});
afterAll(async () => {
  await rcv.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('keeps objects, endpoints (with their secret), events and pending deliveries across a restart', async () => {
    const first = await startTestEmulator({ dataDir, webhookRetryBaseMs: 300 });
    const endpoint = await first.stripe.webhookEndpoints.create({ url: rcv.url, enabled_events: ['*'] });
    rcv.status = 500;
    const objectId = await causeEvent(first, 'Persisted');
    const [failed] = await rcv.waitFor(1);
    const eventId = failed?.event.id ?? '';
    await first.close();

    rcv.clear();
    rcv.status = 200;
    const second = await startTestEmulator({ dataDir, webhookRetryBaseMs: 300 });
    try {
      expect(await second.stripe.webhookEndpoints.retrieve(endpoint.id)).toMatchObject({ id: endpoint.id, url: rcv.url });
      const event = await second.stripe.events.retrieve(eventId);
      expect((event.data.object as { id: string }).id).toBe(objectId);
      if (second.emu.state.get('customers', objectId)) {
        // Created through the SDK (once the payments module serves customers): it survived too.
        expect((await second.stripe.customers.retrieve(objectId)).id).toBe(objectId);
      }

      // The delivery that was failing is retried by the new process, signed with the same secret.
      const [retried] = await rcv.waitFor(1);
      expect(retried?.event.id).toBe(eventId);
      expect(second.stripe.webhooks.constructEvent(retried?.body ?? '', retried?.signature ?? '', endpoint.secret ?? '').id).toBe(eventId);

      // New events still reach the persisted endpoint.
      await causeEvent(second, 'After restart');
      const [, fresh] = await rcv.waitFor(2);
      expect(second.stripe.webhooks.constructEvent(fresh?.body ?? '', fresh?.signature ?? '', endpoint.secret ?? '').type).toBe('customer.created');
    } finally {
      await second.close();
    }
  });

  it('keeps which account each object lives on', async () => {
    const first = await startTestEmulator({ dataDir });
    const account = await first.stripe.accounts.create({ type: 'express' });
    const customer = await first.stripe.customers.create({ name: 'On the account' }, { stripeAccount: account.id });
    await first.close();

    const second = await startTestEmulator({ dataDir });
    try {
      expect((await second.stripe.customers.retrieve(customer.id, {}, { stripeAccount: account.id })).id).toBe(customer.id);
      await expect(second.stripe.customers.retrieve(customer.id)).rejects.toMatchObject({ statusCode: 404 });
      const [event] = (await second.stripe.events.list({ type: 'customer.created' }, { stripeAccount: account.id })).data;
      expect(event?.account).toBe(account.id);
    } finally {
      await second.close();
    }
  });
});
