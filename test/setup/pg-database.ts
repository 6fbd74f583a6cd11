import pg from 'pg';
import { openPostgres, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';

/**
 * A fresh, migrated PostgreSQL database per test app (issue 13, point 4), as an in-memory SQLite
 * database is on the other pass. Migrating once into a template and copying it with
 * `create database … template` takes milliseconds; migrating each copy would take most of a second.
 * The template is built once per server, by whichever test worker gets the advisory lock first.
 */
const TEMPLATE = 'cxbench_template';
const LOCK = 13_013;

let ready: Promise<void> | undefined;
let counter = 0;

const urlFor = (base: string, database: string): string => {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
};

async function withAdmin<T>(base: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function buildTemplate(base: string): Promise<void> {
  await withAdmin(base, async (admin) => {
    await admin.query('select pg_advisory_lock($1)', [LOCK]);
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [TEMPLATE]);
      if (found.rowCount) return;
      const building = `${TEMPLATE}_building`;
      await admin.query(`drop database if exists ${building}`);
      await admin.query(`create database ${building}`);
      const db = openPostgres(urlFor(base, building), 1);
      try {
        await migrateToLatest(db);
      } finally {
        await db.destroy();
      }
      // Renamed only once complete, so a template that exists is always a migrated one.
      await admin.query(`alter database ${building} rename to ${TEMPLATE}`);
      await admin.query(`alter database ${TEMPLATE} is_template true`);
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [LOCK]);
    }
  });
}

/** The URL of a new database copied from the migrated template (for tests that start their own processes on it). */
export async function freshPostgresUrl(base: string): Promise<string> {
  ready ??= buildTemplate(base);
  await ready;
  counter += 1;
  const name = `t_${process.pid}_${Date.now().toString(36)}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(base, (admin) => admin.query(`create database ${name} template ${TEMPLATE}`));
  return urlFor(base, name);
}

/** The URL of a new, empty database (no tables): for processes that migrate it themselves. */
export async function emptyPostgresUrl(base: string): Promise<string> {
  counter += 1;
  const name = `e_${process.pid}_${Date.now().toString(36)}_${counter}`;
  await withAdmin(base, (admin) => admin.query(`create database ${name}`));
  return urlFor(base, name);
}

/** A new database copied from the migrated template, opened with a small pool. */
export async function freshPostgres(base: string): Promise<Db> {
  return openPostgres(await freshPostgresUrl(base), 4, { idleTimeoutMillis: 200 });
}
