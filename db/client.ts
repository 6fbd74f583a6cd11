import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { startCheckpointer } from './checkpointer.js';

export type Db = Kysely<Database>;

// The better-sqlite3 handle under each Kysely instance that openSqlite made, for the few hot
// paths that run prepared statements directly (ADR 009). Keyed weakly: a closed Db goes away.
const handles = new WeakMap<Db, SQLite.Database>();

// Statements kept per handle. The app's queries are a fixed set of shapes, so this stays small;
// the bound only guards against SQL built from data (an `in (…)` list of varying length).
const STATEMENT_CACHE = 500;

/**
 * Kysely's SQLite driver prepares every query afresh, and preparing costs more than running a
 * short indexed lookup. This keeps the prepared statement for each distinct SQL text instead.
 * Safe because one SQLite connection runs one statement at a time (Kysely's connection mutex),
 * and nothing here iterates a statement lazily.
 */
function cachingPrepare(sqlite: SQLite.Database): SQLite.Database['prepare'] {
  const cache = new Map<string, SQLite.Statement>();
  return ((text: string) => {
    // Kysely begins a transaction with a deferred `begin`: one that read first and then wrote failed
    // with "database is locked" (SQLITE_BUSY_SNAPSHOT, which the busy timeout does not wait out)
    // when another connection, the score writer thread, committed in between. Every transaction
    // here writes (none is read-only), so each takes the write lock up front and waits its turn.
    const source = text === 'begin' ? 'begin immediate' : text;
    let statement = cache.get(source);
    if (statement === undefined) {
      statement = sqlite.prepare(source);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      cache.set(source, statement);
    }
    return statement;
  }) as SQLite.Database['prepare'];
}

/**
 * How hard a commit waits for the disk (issue 15, promise 2). In WAL mode, NORMAL fsyncs only at
 * checkpoints: a commit survives a process kill but the last ones can be lost in a power cut or an
 * OS crash, after the client was told 200. FULL fsyncs the WAL at every commit, so an answered
 * write is on the disk. Score writes are group-committed (ADR 009: one commit, so one fsync, per
 * batch on the writer thread), which keeps FULL cheap; `npm run bench -- --only write_full`
 * measures it against NORMAL. Threads with their own connection copy the level of the connection
 * they serve (`synchronousOf`), so the checkpointer and the writer never fsync less.
 */
export type Synchronous = 'FULL' | 'NORMAL';
export const SYNCHRONOUS: Synchronous = 'FULL';

/** The `synchronous` level of an open connection as a pragma value (0–3), for a thread to copy onto its own connection. */
export const synchronousOf = (sqlite: SQLite.Database): number => Number(sqlite.pragma('synchronous', { simple: true }));

/**
 * Opens the embedded SQLite database. WAL lets readers run beside the one writer; busy_timeout
 * makes a second process wait for the lock instead of failing at once. `synchronous` is FULL
 * (above); only the bench asks for NORMAL, to measure what FULL costs.
 * @example const db = openSqlite(':memory:')
 */
export function openSqlite(path: string, opts: { synchronous?: Synchronous } = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`synchronous = ${opts.synchronous ?? SYNCHRONOUS}`);
  // Checkpoints run on a worker thread, not inside whichever commit fills the WAL (ADR 009).
  const checkpointer = path === ':memory:' ? null : startCheckpointer(sqlite, path);
  const database = {
    prepare: cachingPrepare(sqlite),
    close: () => {
      for (const hook of closeHooks.get(sqlite) ?? []) hook();
      void checkpointer?.stop();
      sqlite.close();
    },
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  handles.set(db, sqlite);
  return db;
}

const closeHooks = new WeakMap<SQLite.Database, (() => void)[]>();

/** Runs `hook` when the Db over `sqlite` is destroyed (threads that hold their own connection to it). */
export function onClose(sqlite: SQLite.Database, hook: () => void): void {
  closeHooks.set(sqlite, [...(closeHooks.get(sqlite) ?? []), hook]);
}

/**
 * The better-sqlite3 handle under `db`, or undefined for a Db that openSqlite did not make (a
 * transaction, another dialect). Only use it while holding the connection
 * (`db.connection().execute(…)`), so nothing of Kysely's runs in between.
 */
export function sqliteOf(db: Db): SQLite.Database | undefined {
  return handles.get(db);
}

// PostgreSQL returns int8 (count(*), sum of integers) and numeric as strings, to keep precision
// past 2^53. The API promises numbers, and no count or id here comes near 2^53: parse them.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/**
 * Opens a PostgreSQL database through a `pg` pool of `poolSize` connections (PG_POOL_SIZE).
 * Every connection works in UTC, so anything PostgreSQL itself formats as a time is UTC too.
 * @example const db = openPostgres('postgres://app@127.0.0.1/cxbench', 10)
 */
export function openPostgres(url: string, poolSize = 10, opts: { idleTimeoutMillis?: number } = {}): Db {
  // allowExitOnIdle: idle connections never keep a finished process (a script, a test) alive.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c TimeZone=UTC', allowExitOnIdle: true, idleTimeoutMillis: opts.idleTimeoutMillis ?? 10_000 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

// The pg pool under each Kysely instance that openPostgres made, for the one hot path that talks
// to a pooled client directly (the single score write, ADR 047): it sends its last statement and
// COMMIT in one round trip, which Kysely's transactions cannot.
const pools = new WeakMap<Db, pg.Pool>();

/** The pg pool under `db`, or undefined for a Db that openPostgres did not make (a transaction, SQLite). */
export function pgPoolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

/** The app's database as the environment names it: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export function openDatabase(env: { DATABASE_URL?: string | undefined; DATABASE_PATH: string; PG_POOL_SIZE?: number | undefined }): Db {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL, env.PG_POOL_SIZE) : openSqlite(env.DATABASE_PATH);
}
