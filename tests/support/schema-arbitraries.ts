import fc from 'fast-check';

/**
 * fast-check arbitraries from the JSON Schemas of the OpenAPI document: values
 * of the documented shape (`validValue`), and the input a careless or hostile
 * caller sends instead (`hostileValue`, `mutatedBody`, `rawBodies`,
 * `malformedPathSegments`). Knows only JSON Schema, nothing of the app.
 */

export interface Schema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  default?: unknown;
}

const UUID_PATTERN = /0-9a-f\]\{8\}-/i;
const INSTANT_PATTERN = /T\(\\d\{2\}\):/;
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

const instant = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function stringOf(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 40, 60));
  if (schema.format === 'uuid' || (schema.pattern && UUID_PATTERN.test(schema.pattern))) return fc.uuid();
  if (schema.format === 'date-time' || (schema.pattern && INSTANT_PATTERN.test(schema.pattern))) return instant;
  if (schema.pattern === DATE_PATTERN) return instant.map((s) => s.slice(0, 10));
  if (schema.pattern === '^[a-z]{3}$' || schema.pattern === '^[a-zA-Z]{3}$') return fc.constantFrom('gbp', 'kes', 'usd', 'eur', 'xyz');
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // A pattern fast-check cannot generate from: plain text, which the route refuses with a 400.
    }
  }
  return fc.string({ minLength: min, maxLength: max });
}

function numberOf(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const low = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : (schema.minimum ?? -1_000_000);
  const high = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : (schema.maximum ?? 1_000_000);
  if (integer) return fc.integer({ min: Math.ceil(Math.max(low, Number.MIN_SAFE_INTEGER)), max: Math.floor(Math.min(high, Number.MAX_SAFE_INTEGER)) });
  return fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true });
}

/** A value of the schema's shape (ids are random, so mostly name nothing). */
export function validValue(schema: Schema | undefined): fc.Arbitrary<unknown> {
  if (!schema || Object.keys(schema).length === 0) return fc.jsonValue({ maxDepth: 2 });
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const shapes = schema.anyOf ?? schema.oneOf;
  if (shapes?.length) return fc.oneof(...shapes.map((s) => validValue(s)));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => validValue({ ...schema, type })));
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringOf(schema);
    case 'integer':
      return numberOf(schema, true);
    case 'number':
      return numberOf(schema, false);
    case 'array':
      return fc.array(validValue(schema.items), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'object': {
      const properties = schema.properties ?? {};
      if (Object.keys(properties).length === 0) return fc.constant({});
      const record = Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, validValue(s)]));
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) }) as fc.Arbitrary<unknown>;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Text that has broken parsers, databases and date libraries before. */
export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  '\ufeffbom',
  '\u200b',
  'Ｆｕｌｌｗｉｄｔｈ',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Z̸̢̛̗a̴l̷g̶o̵',
  "'; drop table users; --",
  '%00',
  '%',
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{{7*7}}',
  'x'.repeat(10_000),
  'é'.repeat(3000),
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  'true',
  'null',
  '2027-02-30T09:00:00Z',
  '2027-02-29T09:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '2027-13-01T00:00:00Z',
  '2027-01-01T24:00:00Z',
  '2027-01-01T23:59:60Z',
  '2027-01-01T09:00:00+99:99',
  '2027-01-01T09:00:00.1234567891Z',
  '2027-01-01',
  '2027-00-00',
  '1969-12-31T23:59:59Z',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '00000000-0000-0000-0000-00000000000g',
  'pi_',
  'pi_' + 'x'.repeat(300),
  '+254 7',
  '07' + '1'.repeat(40),
];

export const hostileNumbers: readonly number[] = [
  0,
  -0,
  -1,
  1.5,
  0.1,
  1e-300,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e21,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
];

/** Any JSON value, weighted towards what has hurt before. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...hostileNumbers, null, true, false, [], {}, [[[[]]]], { a: { b: { c: {} } } }, [null], ['']) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Sets a key as an own property, even `__proto__`, so JSON.stringify sends it. */
function withKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...target };
  Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
  return out;
}

/** A valid-shaped body made wrong in one way: a field of the wrong type or hostile, one missing, one extra, a prototype key, or not an object. */
export function mutatedBody(schema: Schema): fc.Arbitrary<unknown> {
  const names = Object.keys(schema.properties ?? {});
  const valid = validValue(schema);
  const asObject = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const arbs: fc.Arbitrary<unknown>[] = [
    // An unknown field, sometimes one that reaches a prototype.
    fc.tuple(valid, fc.oneof(fc.constantFrom('extra', 'role', 'id', 'is_admin', ...PROTO_KEYS), fc.string({ maxLength: 12 })), hostileValue).map(([v, key, x]) =>
      withKey(asObject(v), key, x),
    ),
    // A prototype key nested in a field.
    fc.tuple(valid, fc.constantFrom(...PROTO_KEYS)).map(([v, key]) => {
      const o = asObject(v);
      const field = names[0];
      return field === undefined ? withKey(o, key, { polluted: true }) : { ...o, [field]: withKey({}, key, { polluted: true }) };
    }),
    // Not an object at all.
    hostileValue,
  ];
  if (names.length) {
    // One field replaced by something of another type, or hostile text.
    arbs.push(fc.tuple(valid, fc.constantFrom(...names), hostileValue).map(([v, field, x]) => ({ ...asObject(v), [field]: x })));
    arbs.push(fc.tuple(valid, fc.constantFrom(...names), hostileValue).map(([v, field, x]) => ({ ...asObject(v), [field]: [x] })));
    // Every field hostile at once.
    arbs.push(fc.tuple(...names.map(() => hostileValue)).map((xs) => Object.fromEntries(names.map((n, i) => [n, xs[i]]))));
    // One field missing (a required one, when there is one).
    const required = schema.required?.length ? schema.required : names;
    arbs.push(
      fc.tuple(valid, fc.constantFrom(...required)).map(([v, field]) => {
        const { [field]: _gone, ...rest } = asObject(v);
        return rest;
      }),
    );
  }
  return fc.oneof(...arbs);
}

/** Bodies that are not the JSON they claim to be, with the content type each is sent with. */
export const rawBodies: readonly { text: string; contentType?: string }[] = [
  { text: '' },
  { text: 'not json' },
  { text: '{' },
  { text: '{"a":1,}' },
  { text: '\u0000' },
  { text: '\ufeff{}' },
  { text: '['.repeat(5000) + ']'.repeat(5000) },
  { text: '{"a":'.repeat(100) + '1' + '}'.repeat(100) },
  { text: '{"__proto__":{"role":"admin"}}' },
  { text: '{"constructor":{"prototype":{"polluted":true}}}' },
  { text: '{"a":"\\ud800"}' },
  { text: '{"a":"\\u0000"}' },
  { text: '{"a":1e99999}' },
  { text: '{"a":1,"a":2}' },
  { text: `{"a":"${'x'.repeat(70_000)}"}` },
  { text: '{}', contentType: 'text/plain' },
  { text: '{}', contentType: 'application/x-www-form-urlencoded' },
  { text: '{}', contentType: 'application/json; charset=utf-16' },
  { text: '{}', contentType: 'application/vnd.api+json' },
  { text: 'a=1&b=2', contentType: 'multipart/form-data; boundary=x' },
  { text: '{}', contentType: '' },
];

/** Path segments, already URL-encoded, that name nothing: not ids, encoded NULs and slashes, very long. */
export const malformedPathSegments: readonly string[] = [
  'not-a-uuid',
  '%00',
  'a%00b',
  '%25',
  '%2F',
  '-1',
  '0',
  '1e309',
  'null',
  'undefined',
  '%20',
  '%F0%9F%92%A9',
  '%E2%80%AE',
  'x'.repeat(5000),
  '00000000-0000-0000-0000-000000000000',
  '00000000-0000-0000-0000-00000000000G',
  '00000000-0000-0000-0000-000000000000%00',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  'pi_' + 'a'.repeat(300),
  "'%20OR%201=1",
  '%7B%7D',
  '__proto__',
  'constructor',
];

/** Segments that are not percent-encoded UTF-8 (the front door answers them before any route). */
export const undecodablePathSegments: readonly string[] = ['%FF', '%E0%A4%A', '%C0%AF', 'a%ZZ'];

/**
 * Dot segments: the URL resolves them, so `/clients/../credits` is POST
 * /api/v1/credits, a route without POST: a 405 in the error shape.
 */
export const dotPathSegments: readonly string[] = ['..', '%2E%2E'];

/** Raw query strings (already encoded), malformed as a whole. */
export const rawQueries: readonly string[] = ['%00=1', 'a=%00', '%FF=%FF', 'a=%E0%A4%A', '=', '&&&', 'a[b]=1', 'page=1&page=2', '__proto__=1', 'constructor[prototype]=1', `q=${'x'.repeat(6000)}`];

/** encodeURIComponent that survives lone surrogates (sent as U+FFFD, as a browser would). */
export function encode(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

/** A value as query text: strings as they are, anything else as JSON. */
export function queryText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
}
