/** Runs once when the server starts: a bad configuration stops it there, naming each bad variable. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  env();
}
