import { Emulator, type EmulatorConfig } from './emulator';
import { browserModule } from './browser/index';
import { controlModule } from './control/index';
import { checkoutModule } from './resources/checkout';
import { connectModule } from './resources/connect';
import { paymentsModule } from './resources/index';
import { webhooksModule } from './webhooks/index';

export type { EmulatorConfig } from './emulator';
export { Emulator } from './emulator';

export const defaultConfig: EmulatorConfig = {
  port: 12111,
  webhookRetryBaseMs: 1_000,
  webhookMaxAttempts: 8,
};

/** The whole emulator: every module installed, not yet listening. */
export function createEmulator(config: Partial<EmulatorConfig> = {}): Emulator {
  return new Emulator({ ...defaultConfig, ...config }, [
    paymentsModule,
    connectModule,
    checkoutModule,
    webhooksModule,
    controlModule,
    browserModule,
  ]);
}
