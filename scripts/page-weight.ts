/**
 * Each page's first-load JavaScript, gzipped, from the production build in
 * .next; exits 1 when a budgeted page is over its budget (issue 13: 150 KB for
 * the landing, schedule, class and booking pages, 200 KB for the pay page).
 *
 * What a page loads first, as Next 16 records it: the root main files every
 * page shares (.next/build-manifest.json `rootMainFiles`: the framework and
 * the runtime; `polyfillFiles` are `nomodule`, for old browsers only), plus
 * the chunks of every segment the route renders (its layouts, error and
 * not-found boundaries and the page itself): `entryJSFiles` of the route's
 * client reference manifest (.next/server/app/<route>/page_client-reference-manifest.js).
 * Chunks loaded later (`next/dynamic`, `import()`) are not counted.
 *
 * `node --import tsx scripts/page-weight.ts [--all]`: the budgeted pages, or every page.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

const NEXT = '.next';
const KB = 1024;

/** Budgets in KB of gzipped JavaScript, by route as the app names it. */
export const BUDGETS: Record<string, number> = {
  '/': 150,
  '/schedule': 150,
  '/schedule/classes/[id]': 150,
  '/schedule/providers/[id]': 150,
  '/schedule/providers/[id]/book': 150,
  '/account/bookings/[id]': 150,
  '/account/bookings/[id]/pay': 200,
};

interface ClientReferenceManifest {
  entryJSFiles?: Record<string, string[]>;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The manifest is a script that assigns `globalThis.__RSC_MANIFEST[entry]`; run it in a sandbox of its own. */
function clientReferenceManifest(file: string): ClientReferenceManifest {
  const sandbox: { globalThis?: unknown; self?: unknown; __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  sandbox.globalThis = sandbox;
  sandbox.self = sandbox;
  runInNewContext(readFileSync(file, 'utf8'), sandbox, { filename: file });
  const entries = Object.values(sandbox.__RSC_MANIFEST ?? {});
  if (entries.length !== 1 || !entries[0]) throw new Error(`${file}: expected one route's manifest, found ${entries.length}`);
  return entries[0];
}

/** "/(auth)/signin/page" -> "/signin"; "/page" -> "/". */
function routeOf(appPath: string): string {
  const segments = appPath
    .replace(/\/page$/, '')
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

const gzipped = new Map<string, number>();
function gzipSize(chunk: string): number {
  let size = gzipped.get(chunk);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(NEXT, chunk)), { level: 9 }).length;
    gzipped.set(chunk, size);
  }
  return size;
}

export interface PageWeight {
  route: string;
  bytes: number;
  chunks: string[];
  budgetKb?: number;
}

/** Every app page's first-load JavaScript, gzipped, biggest first. */
export function measurePages(): PageWeight[] {
  const buildManifest = path.join(NEXT, 'build-manifest.json');
  const appPaths = path.join(NEXT, 'server', 'app-paths-manifest.json');
  if (!existsSync(buildManifest) || !existsSync(appPaths)) throw new Error('No production build in .next: run `npm run build` first.');
  const shared = readJson<{ rootMainFiles: string[] }>(buildManifest).rootMainFiles;
  const pages: PageWeight[] = [];
  for (const [appPath, serverFile] of Object.entries(readJson<Record<string, string>>(appPaths))) {
    if (!appPath.endsWith('/page') || appPath.startsWith('/_')) continue;
    const manifestFile = path.join(NEXT, 'server', serverFile.replace(/\.js$/, '_client-reference-manifest.js'));
    if (!existsSync(manifestFile)) throw new Error(`${appPath}: no client reference manifest at ${manifestFile}`);
    const segments = Object.values(clientReferenceManifest(manifestFile).entryJSFiles ?? {});
    const chunks = [...new Set([...shared, ...segments.flat()])].filter((c) => c.endsWith('.js'));
    const route = routeOf(appPath);
    pages.push({ route, chunks, bytes: chunks.reduce((sum, c) => sum + gzipSize(c), 0), budgetKb: BUDGETS[route] });
  }
  return pages.sort((a, b) => b.bytes - a.bytes);
}

function main(): void {
  const all = process.argv.includes('--all');
  const pages = measurePages();
  const missing = Object.keys(BUDGETS).filter((route) => !pages.some((p) => p.route === route));
  const shown = all ? pages : pages.filter((p) => p.budgetKb !== undefined);
  const width = Math.max(...shown.map((p) => p.route.length), 'route'.length);
  console.log(`${'route'.padEnd(width)}  ${'KB gzip'.padStart(8)}  ${'budget'.padStart(6)}`);
  const over: PageWeight[] = [];
  for (const page of shown) {
    const kb = page.bytes / KB;
    const fails = page.budgetKb !== undefined && kb > page.budgetKb;
    if (fails) over.push(page);
    console.log(`${page.route.padEnd(width)}  ${kb.toFixed(1).padStart(8)}  ${(page.budgetKb === undefined ? '-' : String(page.budgetKb)).padStart(6)}${fails ? '  OVER' : ''}`);
  }
  for (const route of missing) console.error(`page-weight: the build has no page ${route}; update BUDGETS in scripts/page-weight.ts`);
  for (const page of over) console.error(`page-weight: ${page.route} loads ${(page.bytes / KB).toFixed(1)} KB of gzipped JavaScript first, over its ${page.budgetKb} KB budget`);
  if (over.length || missing.length) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('page-weight.ts')) main();
