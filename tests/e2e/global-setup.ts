import { startStack } from '../support/stack';

/** The production build on a fresh, seeded database of its own, at the port the config names. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const port = Number(process.env.E2E_PORT || 3210);
  const stack = await startStack({ seed: true, port, host: 'localhost', worker: true });
  // The specs read the mail catcher (workers inherit this process's environment).
  process.env.E2E_MAIL_URL = stack.mail.url;
  // The M-Pesa specs open the Daraja emulator's phone pages.
  process.env.E2E_MPESA_URL = stack.mpesa.url;
  // A spec makes the Stripe emulator fail requests through its control API.
  process.env.E2E_STRIPE_URL = stack.stripe.url;
  return () => stack.stop();
}
