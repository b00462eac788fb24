import { invalidRequest } from '../http/errors';
import type { FormObject } from '../http/form';

/**
 * The top-level parameters one endpoint accepts. Stripe refuses any other with
 * 400 `parameter_unknown`; so does the emulator (see `checkParams`).
 */
export interface ParamSpec {
  /** The `stripe` package's params type the names come from (`TransferCreateParams`), or null for the emulator's own routes. */
  readonly sdkType: string | null;
  readonly names: ReadonlySet<string>;
  /** Accepted besides the SDK type's names, and why (e.g. `client_secret`, which Stripe.js sends). */
  readonly extra: readonly string[];
}

/**
 * The names of an SDK params type, as a table the compiler checks against `keyof T`:
 * a name missing from the table, or one the type does not have, fails type checking
 * (tests/params.test.ts proves the same at run time from the SDK's declarations).
 */
export function sdkParams<T>(sdkType: string, names: Record<keyof T, true>, extra: readonly string[] = []): ParamSpec {
  return { sdkType, names: new Set([...Object.keys(names), ...extra, 'expand']), extra };
}

/** An emulator-only route (no SDK type): exactly these names. */
export function emulatorParams(names: readonly string[]): ParamSpec {
  return { sdkType: null, names: new Set([...names, 'expand']), extra: names };
}

/** 400 parameter_unknown in Stripe's words for the first names not accepted. */
export function checkParams(spec: ParamSpec, given: FormObject): void {
  const unknown = Object.keys(given).filter((name) => !spec.names.has(name));
  if (unknown.length === 0) return;
  const message = unknown.length === 1 ? `Received unknown parameter: ${unknown[0]}` : `Received unknown parameters: ${unknown.join(', ')}`;
  throw invalidRequest(message, { param: unknown[0], code: 'parameter_unknown' });
}
