import { describe, expect, it } from 'vitest';
import { stripeOptions } from '@/lib/payments/stripe-client';

describe('stripeOptions', () => {
  it('talks to Stripe itself when no API base is set', () => {
    const options = stripeOptions(undefined);
    expect(options.host).toBeUndefined();
    expect(options.maxNetworkRetries).toBe(2);
  });

  it('points the SDK at the emulator through host, port and protocol', () => {
    expect(stripeOptions('http://127.0.0.1:12111')).toMatchObject({ host: '127.0.0.1', port: 12111, protocol: 'http' });
  });

  it('defaults the port from the protocol', () => {
    expect(stripeOptions('https://stripe.internal.test')).toMatchObject({ host: 'stripe.internal.test', port: 443, protocol: 'https' });
  });
});
