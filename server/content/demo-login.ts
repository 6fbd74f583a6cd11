import type { Db } from '../../db/client.js';
import { findUserByEmail } from '../../db/queries/users.js';
import { verifyPassword } from '../security/passwords.js';

/** The demo account seeds/demo.ts creates, with its default password. */
export const DEMO_LOGIN = { email: 'demo@cxbench.test', password: 'cxbench-demo-2026' } as const;

// scrypt is slow on purpose: the answer is kept per stored hash, so it is worked out again only
// when the password changes (a new hash), not on every sign-in page.
let known: { hash: string | null; inForce: boolean } | null = null;

/**
 * The demo login while it still works: the account exists and still has its default password.
 * Start-up prints it and the sign-in page points to it only then (issue 12: a restart printed
 * nothing while the page said the terminal showed it).
 */
export async function demoLoginInForce(db: Db): Promise<typeof DEMO_LOGIN | null> {
  const hash = (await findUserByEmail(db, DEMO_LOGIN.email))?.password_hash ?? null;
  if (known?.hash !== hash) known = { hash, inForce: hash !== null && await verifyPassword(DEMO_LOGIN.password, hash) };
  return known.inForce ? DEMO_LOGIN : null;
}
