import { sql } from 'kysely';
import type { Db } from '../client.js';
import { engineOf } from '../dialect.js';

// Statements about the database itself rather than a resource, for bulk loads (seeds/landscape.ts).

/** Gathers planner statistics, so SQLite picks the narrow indexes on tables of millions of rows. */
export async function analyze(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}

/**
 * Sets this connection's page cache to `kib` KiB (a bulk load's setting; the app keeps its own).
 * SQLite only: PostgreSQL's cache (shared_buffers) is the server's, not a connection's.
 */
export async function setPageCache(db: Db, kib: number): Promise<void> {
  if (engineOf(db) === 'postgres') return;
  await sql`pragma cache_size = ${sql.raw(String(-Math.trunc(kib)))}`.execute(db);
}
