import path from 'node:path';
import { dataDir } from './data-dir';
import { isPortTaken } from './embedded-postgres';
import { startMailCatcher } from './mail-catcher';

/**
 * With SMTP_URL set the app sends through it and nothing is started. Without
 * it, a local SMTP catcher runs in the launcher on MAIL_CATCHER_SMTP_PORT
 * (12125), keeping every message in the data folder; /admin/mail shows the outbox.
 */
export async function setUpMail(options: { appPort: number }): Promise<{ appEnv: Record<string, string>; description: string; stop?: () => Promise<void> }> {
  const appUrl = process.env.APP_URL || `http://localhost:${options.appPort}`;
  if (process.env.SMTP_URL) return { appEnv: { APP_URL: appUrl }, description: `SMTP at ${new URL(process.env.SMTP_URL).host}` };
  const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT || 12125);
  const httpPort = Number(process.env.MAIL_CATCHER_HTTP_PORT || 12126);
  for (const port of [smtpPort, httpPort]) {
    if (await isPortTaken(port)) throw new Error(`Port ${port} is in use, so the mail catcher cannot start. Stop what uses it, or set SMTP_URL.`);
  }
  const catcher = await startMailCatcher({ smtpPort, httpPort, dir: path.join(dataDir(), 'mail') });
  return {
    appEnv: { SMTP_URL: catcher.smtpUrl, MAIL_CATCHER_URL: catcher.url, APP_URL: appUrl },
    description: `local SMTP catcher on ${catcher.smtpUrl} (messages at ${catcher.url}/messages and /admin/mail)`,
    stop: catcher.stop,
  };
}
