import { runMigrations } from '../db/migrate';
import { loadDotEnv } from './lib/data-dir';
import { openDatabase } from './lib/database';

loadDotEnv();
const database = await openDatabase(console.log);
try {
  await runMigrations(database.url);
  console.log(`Migrations applied (${database.description}).`);
} finally {
  await database.stop();
}
