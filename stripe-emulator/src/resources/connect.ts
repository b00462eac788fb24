import type { Module } from '../emulator';

// Filled in by its owner.
export const connectModule: Module = () => {};
