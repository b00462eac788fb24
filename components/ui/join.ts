import { clsx } from 'clsx';

/**
 * Joins class names without resolving conflicts: for the client primitives
 * (Button, Badge, Label, Alert) whose callers only add layout classes that never
 * contest the primitive's own. It keeps tailwind-merge (some 8 KB gzipped)
 * out of the first-load JavaScript of pages (scripts/page-weight.ts).
 */
export const join = clsx;
