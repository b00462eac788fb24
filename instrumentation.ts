/**
 * Runs once when the server starts: a bad configuration stops it there, naming
 * each bad variable; then the front door (lib/front-door.ts) is put before Next.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  const { installFrontDoor, paymentOrigins } = await import('./lib/front-door');
  const config = env();
  installFrontDoor({ trustProxy: config.TRUST_PROXY, csp: paymentOrigins(config), dev: config.NODE_ENV === 'development' });
}
