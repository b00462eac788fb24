import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PHONES, SHORTCODE, startReceiver, startTestEmulator, type Receiver, type TestEmulator } from './support';

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
  receiver.clear();
  await t.token();
});

async function paid(amount = 700): Promise<string> {
  const id = (await t.push(PHONES.person, { Amount: amount })).body.CheckoutRequestID as string;
  await t.control(`/prompts/${id}`, { action: 'approve' });
  await receiver.waitFor(1);
  const prompt = ((await t.control('/prompts')).body.data as { checkout_request_id: string; receipt: string }[]).find((p) => p.checkout_request_id === id);
  receiver.clear();
  return prompt!.receipt;
}

function reversalBody(receipt: string, overrides: Record<string, unknown> = {}) {
  return {
    Initiator: 'wellbook-api',
    SecurityCredential: 'c2VjcmV0',
    CommandID: 'TransactionReversal',
    TransactionID: receipt,
    Amount: 700,
    ReceiverParty: SHORTCODE,
    RecieverIdentifierType: '11',
    ResultURL: receiver.url.replace('/callback', '/reversal/result'),
    QueueTimeOutURL: receiver.url.replace('/callback', '/reversal/timeout'),
    Remarks: 'Refund',
    Occasion: 'Booking 42',
    ...overrides,
  };
}
const reverse = (body: unknown) => t.call('/mpesa/reversal/v1/request', body);

interface ResultBody {
  Result: {
    ResultType: number;
    ResultCode: number | string;
    ResultDesc: string;
    OriginatorConversationID: string;
    ConversationID: string;
    TransactionID: string;
    ResultParameters?: { ResultParameter: { Key: string; Value: unknown }[] };
  };
}

describe('Transaction Reversal', () => {
  it('accepts synchronously and posts its Result to ResultURL', async () => {
    const receipt = await paid();
    const res = await reverse(reversalBody(receipt));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      OriginatorConversationID: expect.any(String),
      ConversationID: expect.stringMatching(/^AG_/),
      ResponseCode: '0',
      ResponseDescription: 'Accept the service request successfully.',
    });
    const [received] = await receiver.waitFor(1);
    expect(received!.path).toBe('/reversal/result');
    const { Result } = received!.body as unknown as ResultBody;
    expect(Result).toMatchObject({ ResultType: 0, ResultCode: 0, ConversationID: res.body.ConversationID, OriginatorConversationID: res.body.OriginatorConversationID });
    expect(Result.TransactionID).toMatch(/^[A-Z][A-Z0-9]{9}$/);
    expect(Result.TransactionID).not.toBe(receipt);
    const params = Object.fromEntries(Result.ResultParameters!.ResultParameter.map((p) => [p.Key, p.Value]));
    expect(params).toMatchObject({ Amount: 700, OriginalTransactionID: receipt });
  });

  it('a second reversal of the same receipt fails asynchronously (R000001)', async () => {
    const receipt = await paid();
    await reverse(reversalBody(receipt));
    await receiver.waitFor(1);
    expect((await reverse(reversalBody(receipt))).status).toBe(200);
    const [, second] = await receiver.waitFor(2);
    expect((second!.body as unknown as ResultBody).Result).toMatchObject({ ResultCode: 'R000001' });
  });

  it('an unknown receipt fails asynchronously (R000002)', async () => {
    expect((await reverse(reversalBody('QWERTY1234'))).status).toBe(200);
    const [received] = await receiver.waitFor(1);
    const { Result } = received!.body as unknown as ResultBody;
    expect(Result.ResultCode).toBe('R000002');
    expect(Result.ResultParameters).toBeUndefined();
  });

  it('refuses a partial amount: full reversals only', async () => {
    const receipt = await paid();
    const res = await reverse(reversalBody(receipt, { Amount: 300 }));
    expect(res.status).toBe(400);
    expect(res.body.errorMessage).toBe('Bad Request - Invalid Amount');
  });

  it.each([
    ['CommandID', { CommandID: 'BusinessPayment' }],
    ['TransactionID', { TransactionID: 'short' }],
    ['Amount', { Amount: 10.5 }],
    ['ReceiverParty', { ReceiverParty: '600000' }],
    ['RecieverIdentifierType', { RecieverIdentifierType: '1' }],
    ['ResultURL', { ResultURL: 'nowhere' }],
    ['QueueTimeOutURL', { QueueTimeOutURL: undefined }],
    ['Initiator', { Initiator: '' }],
    ['SecurityCredential', { SecurityCredential: undefined }],
    ['Remarks', { Remarks: '' }],
  ])('refuses an invalid %s', async (field, overrides) => {
    const res = await reverse(reversalBody('QWERTY1234', overrides));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ requestId: expect.any(String), errorCode: '400.002.02', errorMessage: `Bad Request - Invalid ${field}` });
  });

  it('needs a valid token', async () => {
    const res = await t.call('/mpesa/reversal/v1/request', reversalBody('QWERTY1234'), 'stale');
    expect(res.status).toBe(401);
  });
});
