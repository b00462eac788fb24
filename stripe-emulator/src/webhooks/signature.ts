import { createHmac, randomBytes } from 'node:crypto';
import { newSecret } from '../store/ids';

/** A new endpoint signing secret, shaped like Stripe's. */
export function newSigningSecret(): string {
  return `whsec_${newSecret(32)}`;
}

function hmacHex(key: string | Buffer, content: string): string {
  return createHmac('sha256', key).update(content, 'utf8').digest('hex');
}

/**
 * Stripe's `Stripe-Signature` header: `t=<unix>,v1=<HMAC-SHA256(secret, "<t>.<body>")>`,
 * plus the meaningless `v0` that test-mode deliveries carry.
 */
export function signatureHeader(secret: string, body: string, timestamp: number): string {
  const signed = `${timestamp}.${body}`;
  return `t=${timestamp},v1=${hmacHex(secret, signed)},v0=${hmacHex(randomBytes(32), signed)}`;
}
