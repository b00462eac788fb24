import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm install` on a fresh clone must leave package-lock.json as it is: the
 * lock's root entry records package.json's specs, and npm rewrites the lock
 * when they differ (pg-boss `^10.4.2` in one and `10.4.2` in the other did).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

describe('package-lock.json', () => {
  it('records the same dependency specs as package.json', () => {
    const pkg = read('package.json') as { dependencies?: object; devDependencies?: object; optionalDependencies?: object; engines?: object };
    const lock = read('package-lock.json') as { packages: Record<string, typeof pkg> };
    const root = lock.packages[''];
    expect(root?.dependencies).toEqual(pkg.dependencies);
    expect(root?.devDependencies).toEqual(pkg.devDependencies);
    expect(root?.optionalDependencies).toEqual(pkg.optionalDependencies);
    expect(root?.engines).toEqual(pkg.engines);
  });

  it('locks each direct dependency at a version its spec accepts', () => {
    const pkg = read('package.json') as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const lock = read('package-lock.json') as { packages: Record<string, { version?: string }> };
    for (const [name, spec] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      const version = lock.packages[`node_modules/${name}`]?.version;
      expect(version, name).toBeDefined();
      // Exact pins must match exactly; ranges are npm's to judge (the first test holds the spec itself).
      if (/^\d/.test(spec)) expect(version, name).toBe(spec);
    }
  });
});
