import { connect } from '../db/client';
import { runMigrations } from '../db/migrate';
import { seedDemoData } from '../db/seed';
import { loadDotEnv } from './lib/data-dir';
import { openDatabase } from './lib/database';

loadDotEnv();
const database = await openDatabase(console.log);
try {
  await runMigrations(database.url);
  const { sql, db } = connect(database.url, 1);
  try {
    const { created } = await seedDemoData(db);
    console.log(`Demo data seeded into ${database.description}: ${created} new user(s).`);
  } finally {
    await sql.end({ timeout: 5 });
  }
} finally {
  await database.stop();
}
