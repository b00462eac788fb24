import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { apiModules, buildOpenApiDocument } from '@/lib/openapi/document';
import type { Access, HttpMethod, Operation } from '@/lib/openapi/registry';

const ROOT = path.resolve(import.meta.dirname, '../..');
const API_DIR = path.join(ROOT, 'app/api/v1');
const OPERATIONS_DIR = 'lib/openapi/operations';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const doc = buildOpenApiDocument();
const operations: Operation[] = apiModules.flatMap((m) => [...m.operations]);

interface RouteMethod {
  method: HttpMethod;
  /** OpenAPI style: /api/v1/bookings/{id} */
  path: string;
  file: string;
  /** The source of this method's export, up to the next export. */
  source: string;
  /** The whole file, for its imports. */
  fileSource: string;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

/** app/api/v1/bookings/[id]/cancel/route.ts -> /api/v1/bookings/{id}/cancel; null for a catch-all. */
function openApiPath(file: string): string | null {
  const segments = path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep);
  if (segments.some((s) => s.startsWith('[...') || s.startsWith('[[...'))) return null;
  const visible = segments.filter((s) => !(s.startsWith('(') && s.endsWith(')')) && !s.startsWith('@'));
  return '/' + visible.map((s) => s.replace(/^\[(.+)\]$/, '{$1}')).join('/');
}

/** The HTTP methods a route file exports: `export const GET =`, `export async function POST(`, `export { x as PUT }`. */
function exportedMethods(source: string): { name: (typeof METHODS)[number]; index: number }[] {
  const found: { name: (typeof METHODS)[number]; index: number }[] = [];
  const isMethod = (n: string): n is (typeof METHODS)[number] => (METHODS as readonly string[]).includes(n);
  for (const m of source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+([A-Z]+)\b/g)) {
    if (m[1] && isMethod(m[1])) found.push({ name: m[1], index: m.index });
  }
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of (m[1] ?? '').split(',')) {
      const name = part.trim().split(/\s+as\s+/).at(-1) ?? '';
      if (isMethod(name)) found.push({ name, index: m.index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const routes: RouteMethod[] = routeFiles(API_DIR).flatMap((file) => {
  const apiPath = openApiPath(file);
  if (apiPath === null) return [];
  const fileSource = readFileSync(file, 'utf8');
  const methods = exportedMethods(fileSource);
  return methods.map(({ name, index }, i) => ({
    method: name.toLowerCase() as HttpMethod,
    path: apiPath,
    file: path.relative(ROOT, file),
    source: fileSource.slice(index, methods[i + 1]?.index ?? fileSource.length),
    fileSource,
  }));
});

const key = (x: { method: string; path: string }) => `${x.method.toUpperCase()} ${x.path}`;

/** The operations file that already documents paths like this one, else a new one named after its first segment. */
function operationsFileFor(apiPath: string): string {
  const segment = apiPath.split('/')[3] ?? 'misc';
  const files = readdirSync(path.join(ROOT, OPERATIONS_DIR)).filter((f) => f.endsWith('.ts'));
  const owner = files.find((f) => readFileSync(path.join(ROOT, OPERATIONS_DIR, f), 'utf8').includes(`'/api/v1/${segment}`));
  return owner ? `${OPERATIONS_DIR}/${owner}` : `${OPERATIONS_DIR}/${segment}.ts (new: add its module to apiModules in lib/openapi/document.ts)`;
}

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, found));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

function resolvePointer(pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of pointer.slice(2).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

describe('the OpenAPI document', () => {
  it('is an OpenAPI 3.1 document with info, paths and components', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerAuth', 'cookieAuth', 'integrationKey']);
    expect(doc.components.schemas.Error).toBeDefined();
    // What is served is JSON: nothing is lost in a round trip.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('gives every operation an id, a success answer, its errors and who may call it', () => {
    const ids = new Set<string>();
    for (const [apiPath, item] of Object.entries(doc.paths)) {
      expect(apiPath).toMatch(/^\/api\/v1\//);
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${apiPath}`;
        expect(ids.has(op.operationId), `${where}: operationId ${op.operationId} used twice`).toBe(false);
        ids.add(op.operationId);
        const statuses = Object.keys(op.responses);
        // A success: 2xx, or a redirect (a route that sends the browser to a Stripe-hosted page).
        expect(statuses.some((s) => /^(2\d\d|302)$/.test(s)), `${where} has no 2xx or redirect response`).toBe(true);
        for (const s of statuses) expect(op.responses[s]?.description, `${where} ${s}`).toBeTruthy();
        expect(op.description, where).toMatch(/Who may call: /);
        if (op.security.length) expect(statuses, `${where} needs sign-in but documents no 401`).toContain('401');
        for (const name of apiPath.match(/\{[^}]+\}/g) ?? []) {
          expect(op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name), `${where}: path parameter ${name}`).toBe(true);
        }
      }
    }
  });

  it('resolves every $ref', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(10);
    const broken = [...new Set(refs)].filter((ref) => resolvePointer(ref) === undefined);
    expect(broken, 'unresolved $refs').toEqual([]);
  });

  it('describes POST /api/v1/bookings with its real body schema', () => {
    const body = doc.paths['/api/v1/bookings']?.post?.requestBody?.content['application/json']?.schema;
    expect(body?.properties?.pay_with).toMatchObject({ enum: ['card', 'credit', 'mpesa'] });
    expect(body?.additionalProperties).toBe(false);
  });
});

describe('coverage: every app/api/v1 route is documented, and only those', () => {
  it('finds the routes on disk', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.map(key)).toContain('POST /api/v1/bookings');
  });

  it('documents every method of every route', () => {
    const documented = new Set(operations.map(key));
    const missing = routes.filter((r) => !documented.has(key(r)));
    const message = [
      `${missing.length} route method(s) have no operation in the OpenAPI document. For each, add an operation`,
      `({ method, path, operationId, summary, access, body?, query?, response, errors? }) to the file shown:`,
      ...missing.map((r) => `  ${key(r)}  (${r.file})  ->  ${operationsFileFor(r.path)}`),
    ].join('\n');
    expect(missing.length, message).toBe(0);
  });

  it('has a route for every documented operation', () => {
    const onDisk = new Set(routes.map(key));
    const stale = operations.filter((op) => !onDisk.has(key(op)));
    const message = [
      `${stale.length} documented operation(s) have no route. Remove them from lib/openapi/operations, or fix their method or path:`,
      ...stale.map((op) => `  ${key(op)}  (operationId ${op.operationId})`),
    ].join('\n');
    expect(stale.length, message).toBe(0);
  });

  it('declares the access each route enforces (apiRoute({ access }))', () => {
    const normal = (a: Access) => (typeof a === 'string' ? a : [...a].sort().join(','));
    const wrong: string[] = [];
    for (const route of routes) {
      const op = operations.find((o) => key(o) === key(route));
      const declared = /apiRoute\(\s*\{\s*access:\s*('[a-z]+'|\[[^\]]*\])/.exec(route.source)?.[1];
      if (!op || declared === undefined) continue;
      // `integration: true` lets an API key call the route besides the listed roles.
      const roles = declared.startsWith('[') ? [...declared.matchAll(/'([a-z]+)'/g)].map((m) => m[1] ?? '') : [];
      if (/integration:\s*true/.test(route.source)) roles.push('integration');
      const access = declared.startsWith('[') ? roles.sort().join(',') : declared.slice(1, -1);
      if (access !== normal(op.access)) wrong.push(`  ${key(route)}: the route has access ${declared}, the operation ${JSON.stringify(op.access)}`);
    }
    expect(wrong, `operations whose access differs from their route's:\n${wrong.join('\n')}`).toEqual([]);
  });

  it('declares the very body and query schemas the routes parse', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      const op = operations.find((o) => key(o) === key(route));
      if (!op) continue;
      const body = /apiRoute\(\s*\{[^}]*\bbody:\s*(\w+)/.exec(route.source)?.[1];
      const query = /parseQuery\(\s*\w+\s*,\s*(\w+)\s*\)/.exec(route.source)?.[1] ?? /\b(\w+)\.safeParse\([^;]*searchParams/.exec(route.source)?.[1];
      for (const [what, name, declared] of [
        ['body', body, op.body],
        ['query', query, op.query],
      ] as const) {
        if (name === undefined) {
          if (declared && what === 'body') problems.push(`  ${key(route)}: the operation declares a body, the route reads none`);
          continue;
        }
        if (!declared) {
          problems.push(`  ${key(route)}: the route parses its ${what} with ${name}; set \`${what}: ${name}\` in the operation`);
          continue;
        }
        const from = [...route.fileSource.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)].find((m) =>
          (m[1] ?? '').split(',').some((part) => part.trim().split(/\s+as\s+/).at(-1) === name),
        )?.[2];
        if (from === undefined) {
          problems.push(`  ${key(route)}: ${name} is defined in the route file; move it to its domain's api-schemas file and import it in the route and the operation`);
          continue;
        }
        const imported = ((await import(from.replace(/^@\//, `${ROOT}/`))) as Record<string, z.ZodType | undefined>)[name];
        if (imported !== declared) problems.push(`  ${key(route)}: the operation's ${what} is not ${name} from ${from}; import that very schema`);
      }
    }
    expect(problems, `operations whose schemas differ from their route's:\n${problems.join('\n')}`).toEqual([]);
  });
});
