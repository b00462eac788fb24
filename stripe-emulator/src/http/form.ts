/**
 * Stripe's wire format: application/x-www-form-urlencoded with bracketed keys
 * (`metadata[booking_id]=42`, `expand[0]=charges`, `a[b][c]=d`), the same
 * in query strings. Decoded into nested objects; a level whose keys are all
 * indices (or empty `[]`) becomes an array. Values stay strings.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

function segments(key: string): string[] {
  const first = key.indexOf('[');
  if (first === -1) return [key];
  const parts = [key.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key.slice(first))) !== null) parts.push(m[1] ?? '');
  return parts;
}

function toArrays(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: FormObject = {};
  for (const k of keys) converted[k] = toArrays(value[k] as FormValue);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k) || k.startsWith('\u0000push'))) {
    return keys.sort((a, b) => order(a) - order(b)).map((k) => converted[k] as FormValue);
  }
  return converted;
}

function order(k: string): number {
  return k.startsWith('\u0000push') ? 1e9 + Number(k.slice(5)) : Number(k);
}

export function decodeForm(body: string): FormObject {
  const root: FormObject = {};
  let pushes = 0;
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = segments(rawKey);
    let node: FormObject = root;
    path.forEach((seg, i) => {
      const key = seg === '' ? `\u0000push${pushes++}` : seg;
      if (i === path.length - 1) {
        node[key] = value;
      } else {
        const next = node[key];
        if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
        node = node[key] as FormObject;
      }
    });
  }
  return toArrays(root) as FormObject;
}
