export { createEmulator, DEFAULT_CONFIG, Emulator, type EmulatorConfig } from './emulator';
export { nairobiStamp } from './clock';
export { expectedPassword } from './validate';
