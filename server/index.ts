import { serve } from '@hono/node-server';
import { parseEnv } from './env.js';
import { createApp } from './app.js';
import { openDatabase } from '../db/client.js';
import { engineOf } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrate.js';
import { warmScoreWriter } from './score-writes/score-writer.js';
import { seedDemo } from '../seeds/demo.js';
import { startMailScheduler } from './mail/scheduler.js';
import { mailSettings } from './mail/settings.js';
import { closeTransports } from './mail/transport.js';
import { closePrinters } from './pdf/printer.js';
import { demoLoginInForce } from './content/demo-login.js';

// Only start-up lives here; everything testable is in app.ts.
const env = parseEnv();
const db = openDatabase(env);
await migrateToLatest(db);
// The writer thread loads while the rest starts, not when the first person scores (ADR 009).
warmScoreWriter(db);
if (env.SEED_DEMO === '1') {
  await seedDemo(db);
  // On every start, not only the first: the sign-in page says the terminal shows it.
  const demo = await demoLoginInForce(db);
  if (demo) console.log(`Demo data ready. Sign in as ${demo.email} with password ${demo.password}`);
}
const server = serve({ fetch: createApp({ db, env }).fetch, port: env.PORT }, (info) => {
  console.log(`cxbench listening on http://localhost:${info.port} (database: ${engineOf(db) === 'postgres' ? `PostgreSQL at ${new URL(env.DATABASE_URL!).host}` : env.DATABASE_PATH})`);
});
// A busy port is a plain mistake (a second `npm start`): one line that says so, not a stack trace.
server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(err.code === 'EADDRINUSE'
    ? `Port ${env.PORT} is already in use (is cxbench already running?). Stop the other process or start with PORT=<another port>.`
    : `cxbench could not start: ${err.message}`);
  process.exit(1);
});

// Reminders, stage notices and retries of the outbox (ADR 020); without SMTP_URL it idles.
const mail = mailSettings(env);
const scheduler = startMailScheduler(db, mail);
console.log(mail.enabled ? `E-mail on: via ${new URL(mail.smtpUrl!).host}, links to ${mail.appUrl}` : 'E-mail off (SMTP_URL unset): invitation links are shown to copy.');

const stop = () => server.close(() => void scheduler.stop().then(() => { closeTransports(); return closePrinters(); }).then(() => db.destroy()).then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
