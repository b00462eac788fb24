import { parseNairobiStamp } from './clock';
import { DarajaError, invalidField } from './http';

export interface Credentials {
  shortcode: string;
  passkey: string;
  /** How far (seconds) a Timestamp may be from the emulator's clock. */
  timestampToleranceSeconds: number;
}

export interface StkPushRequest {
  businessShortCode: string;
  transactionType: 'CustomerPayBillOnline' | 'CustomerBuyGoodsOnline';
  amount: number;
  partyA: string;
  partyB: string;
  phoneNumber: string;
  callbackUrl: string;
  accountReference: string;
  transactionDesc: string;
}

const PHONE = /^254[71]\d{8}$/;

/** Daraja takes numbers and numeric strings alike for its numeric fields. */
function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function httpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function expectedPassword(shortcode: string, passkey: string, timestamp: string): string {
  return Buffer.from(`${shortcode}${passkey}${timestamp}`).toString('base64');
}

/** BusinessShortCode, Password and Timestamp, shared by STK Push and STK Query. */
export function checkPassword(body: Record<string, unknown>, creds: Credentials, nowMs: number): string {
  const shortcode = text(body, 'BusinessShortCode');
  if (!/^\d{5,7}$/.test(shortcode)) throw invalidField('BusinessShortCode');
  if (shortcode !== creds.shortcode) throw invalidField('BusinessShortCode');
  const timestamp = text(body, 'Timestamp');
  const at = parseNairobiStamp(timestamp);
  if (at === null) throw invalidField('Timestamp');
  if (Math.abs(nowMs - at) > creds.timestampToleranceSeconds * 1000) throw invalidField('Timestamp');
  const password = text(body, 'Password');
  if (password === '') throw invalidField('Password');
  if (password !== expectedPassword(shortcode, creds.passkey, timestamp)) throw new DarajaError(400, '400.002.05', 'Invalid Request Payload');
  return shortcode;
}

export function parseStkPush(body: Record<string, unknown>, creds: Credentials, nowMs: number): StkPushRequest {
  const businessShortCode = checkPassword(body, creds, nowMs);
  const transactionType = text(body, 'TransactionType');
  if (transactionType !== 'CustomerPayBillOnline' && transactionType !== 'CustomerBuyGoodsOnline') throw invalidField('TransactionType');
  const rawAmount = text(body, 'Amount');
  if (!/^\d+$/.test(rawAmount)) throw invalidField('Amount');
  const amount = Number(rawAmount);
  if (amount < 1 || amount > 250_000) throw invalidField('Amount');
  const partyA = text(body, 'PartyA');
  if (!PHONE.test(partyA)) throw invalidField('PartyA');
  const partyB = text(body, 'PartyB');
  if (!/^\d{5,7}$/.test(partyB)) throw invalidField('PartyB');
  if (transactionType === 'CustomerPayBillOnline' && partyB !== businessShortCode) throw invalidField('PartyB');
  const phoneNumber = text(body, 'PhoneNumber');
  if (!PHONE.test(phoneNumber)) throw invalidField('PhoneNumber');
  const callbackUrl = text(body, 'CallBackURL');
  if (!httpUrl(callbackUrl)) throw invalidField('CallBackURL');
  const accountReference = text(body, 'AccountReference');
  if (accountReference === '' || accountReference.length > 12) throw invalidField('AccountReference');
  const transactionDesc = text(body, 'TransactionDesc');
  if (transactionDesc === '' || transactionDesc.length > 13) throw invalidField('TransactionDesc');
  return { businessShortCode, transactionType, amount, partyA, partyB, phoneNumber, callbackUrl, accountReference, transactionDesc };
}

export interface ReversalRequest {
  transactionId: string;
  amount: number;
  resultUrl: string;
  queueTimeoutUrl: string;
}

export function parseReversal(body: Record<string, unknown>, creds: Credentials): ReversalRequest {
  if (text(body, 'Initiator') === '') throw invalidField('Initiator');
  if (text(body, 'SecurityCredential') === '') throw invalidField('SecurityCredential');
  if (text(body, 'CommandID') !== 'TransactionReversal') throw invalidField('CommandID');
  const transactionId = text(body, 'TransactionID');
  if (!/^[A-Z0-9]{10}$/.test(transactionId)) throw invalidField('TransactionID');
  const rawAmount = text(body, 'Amount');
  if (!/^\d+$/.test(rawAmount) || Number(rawAmount) < 1 || Number(rawAmount) > 250_000) throw invalidField('Amount');
  if (text(body, 'ReceiverParty') !== creds.shortcode) throw invalidField('ReceiverParty');
  // Daraja spells it "RecieverIdentifierType"; 11 is an organisation (a shortcode).
  const identifierType = text(body, 'RecieverIdentifierType') || text(body, 'ReceiverIdentifierType');
  if (identifierType !== '11' && identifierType !== '4') throw invalidField('RecieverIdentifierType');
  const resultUrl = text(body, 'ResultURL');
  if (!httpUrl(resultUrl)) throw invalidField('ResultURL');
  const queueTimeoutUrl = text(body, 'QueueTimeOutURL');
  if (!httpUrl(queueTimeoutUrl)) throw invalidField('QueueTimeOutURL');
  const remarks = text(body, 'Remarks');
  if (remarks === '' || remarks.length > 100) throw invalidField('Remarks');
  return { transactionId, amount: Number(rawAmount), resultUrl, queueTimeoutUrl };
}
