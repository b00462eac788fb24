import type { Module } from '../emulator';
import { Dispatcher } from './dispatcher';
import { installEndpointRoutes } from './endpoints';
import { installEventRoutes } from './events-api';

export { dispatcherOf, CONFIG_ENDPOINT } from './dispatcher';

/** Events API, webhook endpoints API, and the dispatcher that sends every event. */
export const webhooksModule: Module = (emu) => {
  installEventRoutes(emu);
  installEndpointRoutes(emu);
  const dispatcher = new Dispatcher(emu);
  emu.events.subscribe((event) => dispatcher.onEvent(event));
  emu.onReset(() => dispatcher.stop());
  emu.onClose(() => dispatcher.stop());
  dispatcher.resume();
};
