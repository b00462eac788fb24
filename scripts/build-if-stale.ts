import { buildIfStale } from './lib/build';

await buildIfStale().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
