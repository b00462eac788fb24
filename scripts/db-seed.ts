import { connect } from '../db/client';
import { runMigrations } from '../db/migrate';
import { seedDemoData } from '../db/seed';
import { loadDotEnv, localSecrets } from './lib/data-dir';
import { openDatabase } from './lib/database';

loadDotEnv();
const database = await openDatabase(console.log);
try {
  await runMigrations(database.url);
  const { sql, db } = connect(database.url, 1);
  try {
    // The key the launcher gives the app, so the demo questionnaires can be read there.
    const questionnaireKey = process.env.QUESTIONNAIRE_KEY || (await localSecrets()).QUESTIONNAIRE_KEY;
    const { created } = await seedDemoData(db, undefined, { questionnaireKey });
    console.log(`Demo data seeded into ${database.description}: ${created} new user(s).`);
  } finally {
    await sql.end({ timeout: 5 });
  }
} finally {
  await database.stop();
}
