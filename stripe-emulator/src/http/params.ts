import { invalidRequest, missingParam } from './errors';
import type { FormObject, FormValue } from './form';

/** Typed readers over decoded form parameters, answering as Stripe does to bad input. */
export class Params {
  constructor(readonly raw: FormObject) {}

  has(name: string): boolean {
    return this.raw[name] !== undefined;
  }

  string(name: string): string | undefined {
    const v = this.raw[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw invalidRequest(`Invalid string: ${name}`, { param: name });
    return v;
  }

  requiredString(name: string): string {
    const v = this.string(name);
    if (v === undefined || v === '') throw missingParam(name);
    return v;
  }

  integer(name: string): number | undefined {
    const v = this.string(name);
    if (v === undefined || v === '') return undefined;
    if (!/^-?\d+$/.test(v)) throw invalidRequest(`Invalid integer: ${v}`, { param: name, code: 'parameter_invalid_integer' });
    return Number(v);
  }

  requiredInteger(name: string): number {
    const v = this.integer(name);
    if (v === undefined) throw missingParam(name);
    return v;
  }

  boolean(name: string): boolean | undefined {
    const v = this.string(name);
    if (v === undefined || v === '') return undefined;
    if (v !== 'true' && v !== 'false') throw invalidRequest(`Invalid boolean: ${v}`, { param: name });
    return v === 'true';
  }

  object(name: string): Params | undefined {
    const v = this.raw[name];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) throw invalidRequest(`Invalid object`, { param: name });
    return new Params(v);
  }

  list(name: string): FormValue[] | undefined {
    const v = this.raw[name];
    if (v === undefined || v === '') return undefined;
    if (Array.isArray(v)) return v;
    if (typeof v === 'object') return Object.values(v);
    throw invalidRequest(`Invalid array`, { param: name });
  }

  /** `metadata[key]=value` pairs; an empty value removes the key when merged. */
  metadata(name = 'metadata'): Record<string, string> | undefined {
    const v = this.raw[name];
    if (v === undefined) return undefined;
    if (v === '') return {};
    if (typeof v !== 'object' || Array.isArray(v)) throw invalidRequest('Invalid metadata', { param: name });
    const out: Record<string, string> = {};
    for (const [k, val] of Object.entries(v)) {
      if (typeof val !== 'string') throw invalidRequest('Metadata values must be strings', { param: `${name}[${k}]` });
      out[k] = val;
    }
    return out;
  }
}

/** Applies Stripe's metadata update rule: keys with "" are removed, others set. */
export function mergeMetadata(current: Record<string, string>, update: Record<string, string> | undefined): Record<string, string> {
  if (update === undefined) return current;
  const next = { ...current };
  for (const [k, v] of Object.entries(update)) {
    if (v === '') delete next[k];
    else next[k] = v;
  }
  return next;
}
