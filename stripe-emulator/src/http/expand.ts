import type { State } from '../store/state';
import type { CollectionName } from '../store/state';

const PREFIXES: [string, CollectionName][] = [
  ['cus_', 'customers'],
  ['pm_', 'payment_methods'],
  ['pi_', 'payment_intents'],
  ['ch_', 'charges'],
  ['py_', 'charges'],
  ['re_', 'refunds'],
  ['pyr_', 'refunds'],
  ['txn_', 'balance_transactions'],
  ['fee_', 'application_fees'],
  ['trr_', 'transfer_reversals'],
  ['po_', 'payouts'],
  ['tr_', 'transfers'],
  ['cs_', 'checkout_sessions'],
  ['acct_', 'accounts'],
];

export function lookupById(state: State, id: string): unknown {
  const entry = PREFIXES.find(([prefix]) => id.startsWith(prefix));
  return entry ? state.get(entry[1], id) : undefined;
}

function expandPath(state: State, value: unknown, path: string[]): unknown {
  if (value === null || value === undefined) return value;
  const [head, ...rest] = path;
  if (head === undefined) {
    if (typeof value === 'string') return structuredClone(lookupById(state, value) ?? value);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => expandPath(state, v, path));
  if (typeof value === 'string') return expandPath(state, structuredClone(lookupById(state, value) ?? value), path);
  if (typeof value !== 'object') return value;
  const obj = { ...(value as Record<string, unknown>) };
  if (head === 'data' && Array.isArray(obj.data)) {
    obj.data = (obj.data as unknown[]).map((item) => expandPath(state, item, rest));
    return obj;
  }
  obj[head] = expandPath(state, obj[head], rest);
  return obj;
}

/** Applies `expand[]=a.b` paths: ids found there are replaced by their objects. */
export function expand<T>(state: State, value: T, paths: string[] | undefined): T {
  if (!paths?.length) return value;
  let out: unknown = structuredClone(value);
  for (const p of paths) out = expandPath(state, out, p.split('.'));
  return out as T;
}
