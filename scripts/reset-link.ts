import { parseEnv } from '../server/env.js';
import { openDatabase } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { mailSettings } from '../server/mail/settings.js';
import { operatorResetLink } from '../server/services/password-reset.js';

// `npm run reset-link -- <email>`: for a server that sends no e-mail, whoever runs it makes a
// single-use password-reset link (30 minutes) and hands it to the person, who then chooses the new
// password themselves; nobody else learns it. Links are built on APP_URL (or localhost:PORT).
const email = process.argv[2];
if (!email) {
  console.error('Usage: npm run reset-link -- <email>');
  process.exit(2);
}
const env = parseEnv();
const db = openDatabase(env);
try {
  await migrateToLatest(db);
  const made = await operatorResetLink(db, email, mailSettings(env).appUrl);
  if (!made) {
    console.error(`No account has the e-mail address ${email}.`);
    process.exitCode = 1;
  } else {
    console.log(`Give this link to the owner of ${email} (it works once, until ${made.expiresAt}):\n${made.link}`);
  }
} finally {
  await db.destroy();
}
