import type { Module } from '../emulator';

// Filled in by its owner.
export const browserModule: Module = () => {};
