/**
 * The npm registry reachable here lacks some other-platform builds (darwin,
 * win32, ...) of native packages at the exact versions their parents ask for.
 * `npm install` then leaves them out of package-lock.json, and `npm ci`
 * refuses the lock as out of sync. This adds a bare optional entry for each
 * such package, which is what npm itself would write: `npm ci` skips it on a
 * platform it does not fit, and fetches it where it does.
 *
 * Run after `npm install` changes the lock: `node --import tsx scripts/lockfile-optionals.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
}

const file = 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, LockEntry> };
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    const version = /(\d+\.\d+\.\d+\S*)$/.exec(spec)?.[1] ?? spec;
    lock.packages[hoisted] = { version, ...(entry.dev ? { dev: true } : {}), optional: true };
    added++;
  }
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} missing optional package entr${added === 1 ? 'y' : 'ies'} added.`);
