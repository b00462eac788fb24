import type { TestProject } from 'vitest/node';
import { startStack } from './stack';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    appUrls: string[];
    appLogFile: string;
    stripeUrl: string;
    stripeWebhookSecret: string;
    mailUrl: string;
    mpesaUrl: string;
    mpesaCallbackSecret: string;
    workerPidFile: string;
  }
}

/** One stack for the whole integration run: a fresh database, two app servers sharing it, and the job worker. */
export default async function setup(project: TestProject) {
  const stack = await startStack({ seed: true, servers: 2, worker: true });
  project.provide('databaseUrl', stack.databaseUrl);
  project.provide('appUrls', stack.appUrls);
  project.provide('appLogFile', stack.logFile);
  project.provide('stripeUrl', stack.stripe.url);
  project.provide('stripeWebhookSecret', stack.stripe.webhookSecret);
  project.provide('mailUrl', stack.mail.url);
  project.provide('mpesaUrl', stack.mpesa.url);
  project.provide('mpesaCallbackSecret', stack.mpesa.callbackSecret);
  project.provide('workerPidFile', stack.workerPidFile);
  return () => stack.stop();
}
