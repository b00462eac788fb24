import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectedPassword, nairobiStamp } from '../src/index';
import { PASSKEY, PHONES, SHORTCODE, startReceiver, startTestEmulator, type Receiver, type TestEmulator } from './support';

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
beforeEach(async () => {
  await t.control('/reset', {});
  await t.token();
});

describe('STK Push', () => {
  it('accepts a valid push with Daraja shape', async () => {
    const res = await t.push(PHONES.person);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      MerchantRequestID: expect.stringMatching(/^\d+-\d+-\d+$/),
      CheckoutRequestID: expect.stringMatching(/^ws_CO_\d+$/),
      ResponseCode: '0',
      ResponseDescription: 'Success. Request accepted for processing',
      CustomerMessage: 'Success. Request accepted for processing',
    });
    const prompts = await t.control('/prompts');
    expect(prompts.body.data).toEqual([expect.objectContaining({ checkout_request_id: res.body.CheckoutRequestID, state: 'pending', amount: 100 })]);
  });

  it('accepts Buy Goods with a till, 2541 numbers, string amounts and the bounds 1 and 250000', async () => {
    expect((await t.push('254112345678', { TransactionType: 'CustomerBuyGoodsOnline', PartyB: '5678901', Amount: '1' })).status).toBe(200);
    expect((await t.push('254712000001', { Amount: 250000 })).status).toBe(200);
  });

  const stale = nairobiStamp(Date.now() - 2 * 3600 * 1000);
  const cases: [string, Record<string, unknown>, string][] = [
    ['another shortcode', { BusinessShortCode: '600000' }, 'BusinessShortCode'],
    ['a non-numeric shortcode', { BusinessShortCode: 'abc' }, 'BusinessShortCode'],
    ['a missing Timestamp', { Timestamp: undefined }, 'Timestamp'],
    ['a Timestamp in another format', { Timestamp: '2026-12-02 10:00:00' }, 'Timestamp'],
    ['an impossible date', { Timestamp: '20261302100000' }, 'Timestamp'],
    ['a stale Timestamp', { Timestamp: stale, Password: expectedPassword(SHORTCODE, PASSKEY, stale) }, 'Timestamp'],
    ['a missing Password', { Password: '' }, 'Password'],
    ['another TransactionType', { TransactionType: 'CustomerPayBill' }, 'TransactionType'],
    ['an amount with cents', { Amount: 10.5 }, 'Amount'],
    ['a string amount with cents', { Amount: '10.50' }, 'Amount'],
    ['amount 0', { Amount: 0 }, 'Amount'],
    ['a negative amount', { Amount: -5 }, 'Amount'],
    ['an amount over 250000', { Amount: 250001 }, 'Amount'],
    ['a missing amount', { Amount: undefined }, 'Amount'],
    ['a local PartyA', { PartyA: '0712345678' }, 'PartyA'],
    ['a short PartyA', { PartyA: '25471234567' }, 'PartyA'],
    ['a 2542 PartyA', { PartyA: '254212345678' }, 'PartyA'],
    ['a PayBill PartyB not the shortcode', { PartyB: '600000' }, 'PartyB'],
    ['a non-numeric PartyB', { PartyB: 'till' }, 'PartyB'],
    ['a +254 PhoneNumber', { PhoneNumber: '+254712345678' }, 'PhoneNumber'],
    ['a long PhoneNumber', { PhoneNumber: '2547123456789' }, 'PhoneNumber'],
    ['a CallBackURL that is not a URL', { CallBackURL: 'callback' }, 'CallBackURL'],
    ['an ftp CallBackURL', { CallBackURL: 'ftp://example.com/cb' }, 'CallBackURL'],
    ['an AccountReference of 13', { AccountReference: 'A'.repeat(13) }, 'AccountReference'],
    ['an empty AccountReference', { AccountReference: '' }, 'AccountReference'],
    ['a TransactionDesc of 14', { TransactionDesc: 'D'.repeat(14) }, 'TransactionDesc'],
  ];
  it.each(cases)('refuses %s', async (_name, overrides, field) => {
    const res = await t.push(PHONES.person, overrides);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ requestId: expect.any(String), errorCode: '400.002.02', errorMessage: `Bad Request - Invalid ${field}` });
    expect((await t.control('/prompts')).body.data).toEqual([]);
  });

  it('accepts the longest AccountReference (12) and TransactionDesc (13)', async () => {
    expect((await t.push(PHONES.person, { AccountReference: 'A'.repeat(12), TransactionDesc: 'D'.repeat(13) })).status).toBe(200);
  });

  it('refuses a wrong Password (base64 of shortcode + passkey + timestamp)', async () => {
    const body = t.pushBody(PHONES.person);
    body.Password = Buffer.from(`${SHORTCODE}wrong${String(body.Timestamp)}`).toString('base64');
    const res = await t.call('/mpesa/stkpush/v1/processrequest', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errorCode: '400.002.05', errorMessage: 'Invalid Request Payload' });
  });

  it('refuses a body that is not JSON', async () => {
    const res = await t.call('/mpesa/stkpush/v1/processrequest', '{nope');
    expect(res.status).toBe(400);
    expect(res.body.errorCode).toBe('400.002.02');
  });

  it('refuses a second push while one is pending for the same phone', async () => {
    expect((await t.push(PHONES.person)).status).toBe(200);
    const second = await t.push(PHONES.person);
    expect(second.status).toBe(500);
    expect(second.body).toMatchObject({ errorCode: '500.001.1001', errorMessage: expect.stringContaining('already in process') });
    expect((await t.push('254712999999')).status).toBe(200);
  });

  it('answers 404 with Daraja error for an unknown path', async () => {
    const res = await t.call('/mpesa/nothing/v1/here', {});
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ errorCode: expect.any(String), requestId: expect.any(String) });
  });
});
