import SQLite from 'better-sqlite3';
import pg from 'pg';
import { openPostgres, openSqlite, type Db, type Synchronous } from '../../db/client.js';
import type { Engine } from '../../db/dialect.js';
import { numbered } from '../../db/queries/score-writes-pg.js';

/**
 * The bench's baselines talk to the database without the app (issue 6; issue 13, point 5 for
 * PostgreSQL): better-sqlite3 prepared statements on SQLite, a `pg` pool on PostgreSQL, behind
 * one small async interface so every baseline reads the same on both engines. Statements are
 * written with `?` placeholders, numbered `$1…` for PostgreSQL.
 */
export interface RawDb {
  engine: Engine;
  all<T>(text: string, ...params: unknown[]): Promise<T[]>;
  run(text: string, ...params: unknown[]): Promise<void>;
  /** The statement once per row of `rows`, all in one transaction (one INSERT a row, as an importer without the app would). */
  runEach(text: string, rows: readonly unknown[][]): Promise<void>;
  close(): Promise<void>;
}

/** A `--db` that names a PostgreSQL database rather than an SQLite file. */
export const isPostgresTarget = (target: string): boolean => /^postgres(ql)?:\/\//.test(target);

/** The pool size of the app's PostgreSQL connections (PG_POOL_SIZE, as server/env.ts reads it); the bare baselines get the same. */
export const poolSize = (): number => Number(process.env.PG_POOL_SIZE) || 10;

/** The app's database for `target`, as `npm start` opens it (SQLite at `synchronous`, or the PostgreSQL pool). */
export const openAppDb = (target: string, synchronous?: Synchronous): Db =>
  isPostgresTarget(target) ? openPostgres(target, poolSize()) : openSqlite(target, synchronous ? { synchronous } : {});

/**
 * The environment `createApp` gets for `target`. Request lines are left out (LOG_LEVEL warn unless
 * set): the bench prints its own figures on stdout, and the RSS child answers there in JSON.
 */
export const appEnv = (target: string): Record<string, string> => ({
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  ...(isPostgresTarget(target) ? { DATABASE_URL: target, PG_POOL_SIZE: String(poolSize()) } : { DATABASE_PATH: target }),
});

function rawSqlite(path: string, synchronous: Synchronous): RawDb {
  // The same settings as db/client.ts openSqlite, at the level asked for.
  const db = new SQLite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`synchronous = ${synchronous}`);
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (text: string) => {
    let st = statements.get(text);
    if (!st) statements.set(text, (st = db.prepare(text)));
    return st;
  };
  return {
    engine: 'sqlite',
    all: async <T>(text: string, ...params: unknown[]) => prepared(text).all(...params) as T[],
    run: async (text, ...params) => { if (params.length === 0 && !/\?/.test(text)) db.exec(text); else prepared(text).run(...params); },
    runEach: async (text, rows) => {
      const st = prepared(text);
      db.transaction(() => { for (const r of rows) st.run(...r); })();
    },
    close: async () => { db.close(); },
  };
}

function rawPostgres(url: string): RawDb {
  const pool = new pg.Pool({ connectionString: url, max: poolSize(), options: '-c TimeZone=UTC' });
  const texts = new Map<string, { text: string; name: string }>();
  // Named, so PostgreSQL prepares each statement once per connection, as better-sqlite3 does once.
  const query = (text: string) => {
    let q = texts.get(text);
    if (!q) texts.set(text, (q = { text: numbered(text).text, name: `bench_${texts.size}` }));
    return q;
  };
  return {
    engine: 'postgres',
    all: async <T>(text: string, ...params: unknown[]) => (await pool.query({ ...query(text), values: params })).rows as T[],
    run: async (text, ...params) => { await pool.query(params.length === 0 ? text : { ...query(text), values: params }); },
    runEach: async (text, rows) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        for (const r of rows) await client.query({ ...query(text), values: r });
        await client.query('commit');
      } catch (e) {
        await client.query('rollback');
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Opens the raw connection(s) of a baseline: `synchronous` is SQLite's level (PostgreSQL's is the server's). */
export function openRaw(target: string, opts: { synchronous?: Synchronous } = {}): RawDb {
  return isPostgresTarget(target) ? rawPostgres(target) : rawSqlite(target, opts.synchronous ?? 'FULL');
}
