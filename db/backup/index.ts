import { backupSqlite, restoreSqlite } from './sqlite.js';
import type { Engine } from '../dialect.js';

// One function per engine, chosen the way the server chooses its database (server/env.ts):
// DATABASE_URL=postgres://… is PostgreSQL (pg_dump / pg_restore, not written yet), otherwise the
// SQLite file at DATABASE_PATH.

export interface BackupEnv { DATABASE_URL?: string | undefined; DATABASE_PATH: string }

export const engineOf = (env: BackupEnv): Engine => (env.DATABASE_URL ? 'postgres' : 'sqlite');

const notYet = (what: string) => (): never => {
  throw new Error(`${what} on PostgreSQL is not supported yet; use pg_dump / pg_restore against DATABASE_URL.`);
};

const engines = {
  sqlite: {
    backup: (env: BackupEnv, file: string) => backupSqlite(env.DATABASE_PATH, file),
    restore: async (env: BackupEnv, file: string) => restoreSqlite(file, env.DATABASE_PATH),
  },
  postgres: { backup: notYet('Backup'), restore: notYet('Restore') },
} satisfies Record<Engine, { backup: (env: BackupEnv, file: string) => Promise<unknown>; restore: (env: BackupEnv, file: string) => Promise<unknown> }>;

/** Writes an online, consistent copy of the database to `file`. */
export const backupDatabase = (env: BackupEnv, file: string) => engines[engineOf(env)].backup(env, file);

/** Puts the copy in `file` back as the database (the server stopped). */
export const restoreDatabase = (env: BackupEnv, file: string) => engines[engineOf(env)].restore(env, file);
