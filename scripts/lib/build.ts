import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

// Everything that changes the production build's output.
const INPUTS = ['app', 'components', 'lib', 'db', 'public', 'instrumentation.ts', 'proxy.ts', 'next.config.js', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];
const STAMP = path.join('.next', 'wellbook-build-hash');

async function listFiles(entry: string): Promise<string[]> {
  if (!existsSync(entry)) return [];
  const stat = await fs.stat(entry);
  if (stat.isFile()) return [entry];
  const children = await fs.readdir(entry, { withFileTypes: true });
  const nested = await Promise.all(children.map((c) => listFiles(path.join(entry, c.name))));
  return nested.flat();
}

/** A hash of the build's inputs; file contents, not times, so a fresh clone is judged right. */
export async function sourceHash(): Promise<string> {
  const files = (await Promise.all(INPUTS.map(listFiles))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export async function isBuildStale(): Promise<boolean> {
  if (!existsSync(path.join('.next', 'BUILD_ID')) || !existsSync(STAMP)) return true;
  return readFileSync(STAMP, 'utf8').trim() !== (await sourceHash());
}

/** Runs `next build` when the build is missing or older than the sources. */
export async function buildIfStale(log: (line: string) => void = console.log): Promise<void> {
  if (!(await isBuildStale())) {
    log('Build is up to date.');
    return;
  }
  log(existsSync(path.join('.next', 'BUILD_ID')) ? 'Sources changed: building the app again (next build)...' : 'Building the app (next build): the first build takes a few minutes...');
  const hash = await sourceHash();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
  });
  await fs.writeFile(STAMP, hash + '\n');
}
