import { serve } from '@hono/node-server';
import { parseEnv } from './env.js';
import { createApp } from './app.js';
import { openSqlite } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemo } from '../seeds/demo.js';

// Only start-up lives here; everything testable is in app.ts.
const env = parseEnv();
if (env.DATABASE_URL) {
  console.error('DATABASE_URL (PostgreSQL) is not supported yet; unset it to use the embedded SQLite database.');
  process.exit(1);
}
const db = openSqlite(env.DATABASE_PATH);
await migrateToLatest(db);
if (env.SEED_DEMO === '1') {
  const demo = await seedDemo(db);
  if (demo) console.log(`Demo data ready. Sign in as ${demo.email} with password ${demo.password}`);
}
const server = serve({ fetch: createApp({ db, env }).fetch, port: env.PORT }, (info) => {
  console.log(`cxbench listening on http://localhost:${info.port} (database: ${env.DATABASE_PATH})`);
});

const stop = () => server.close(() => void db.destroy().then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
