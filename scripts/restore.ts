import { parseEnv } from '../server/env.js';
import { restoreDatabase } from '../db/backup/index.js';

// `npm run restore -- <file>`: puts a backup back as the database at DATABASE_PATH, with the
// server stopped (refused while it runs). The backup is integrity-checked first; the database it
// replaces is kept beside it as <DATABASE_PATH>.before-restore-<time>. With DATABASE_URL set, the
// pg_dump archive goes back into that PostgreSQL database, every app process stopped (refused
// while any is connected); the database it replaces is dumped to <file>.before-restore-<time>.
const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run restore -- <file>   (stop the server first)');
  process.exit(2);
}
const env = parseEnv();
try {
  const done = await restoreDatabase(env, file);
  console.log(`Restored ${file} into ${env.DATABASE_URL ? 'the PostgreSQL database' : env.DATABASE_PATH}.${done.keptAs ? ` The previous database is kept as ${done.keptAs}.` : ''}`);
} catch (err) {
  console.error(`Restore failed: ${(err as Error).message}`);
  process.exit(1);
}
