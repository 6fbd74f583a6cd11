import { Migrator, sql, type Kysely } from 'kysely';
import type { Db } from './client.js';
import { engineOf } from './dialect.js';
import { migrations } from './migrations/index.js';

/**
 * The PostgreSQL advisory lock every process takes around migrating (issue 13, point 6; ADR 027).
 * Kysely's own migration lock is taken only after it has created its bookkeeping tables with
 * `create table if not exists`, which two processes starting together can still race on (a
 * duplicate-key error on pg_type); this lock covers the whole run, so the second process waits,
 * then finds nothing left to do. SQLite needs none: its one writer serialises the migrations.
 */
export const MIGRATION_LOCK = 13_006;

const migratorOf = (db: Kysely<any>) => new Migrator({ db, provider: { getMigrations: async () => migrations } });

async function migrate(db: Kysely<any>): Promise<void> {
  const { error, results } = await migratorOf(db).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Brings the database to the newest schema, once even when several processes start together; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<void> {
  if (engineOf(db) === 'sqlite') return migrate(db);
  // One pooled connection holds the session lock and runs the migrations, so the lock is released
  // on the same connection (and by PostgreSQL itself if this process dies meanwhile).
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await migrate(conn);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}

/** Whether every migration this code knows has run on the database ('pending' when any has not). */
export async function migrationState(db: Db): Promise<'current' | 'pending'> {
  const known = await migratorOf(db).getMigrations();
  return known.every((m) => m.executedAt !== undefined) ? 'current' : 'pending';
}
