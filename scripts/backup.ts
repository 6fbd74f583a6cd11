import { parseEnv } from '../server/env.js';
import { backupDatabase } from '../db/backup/index.js';

// `npm run backup -- <file>`: an online, consistent copy of the database while the server runs
// (the SQLite file at DATABASE_PATH, or pg_dump's custom format of DATABASE_URL; db/backup/). The file must not exist yet.
const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run backup -- <file>');
  process.exit(2);
}
const env = parseEnv();
try {
  const done = await backupDatabase(env, file);
  console.log(`Backed up ${env.DATABASE_URL ? 'the PostgreSQL database' : env.DATABASE_PATH} to ${file} (${JSON.stringify(done)}).`);
} catch (err) {
  console.error(`Backup failed: ${(err as Error).message}`);
  process.exit(1);
}
