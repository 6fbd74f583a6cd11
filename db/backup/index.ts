import { backupSqlite, restoreSqlite } from './sqlite.js';
import { backupPostgres, restorePostgres } from './postgres.js';
import type { Engine } from '../dialect.js';

// One function per engine, chosen the way the server chooses its database (server/env.ts):
// DATABASE_URL=postgres://… is PostgreSQL (pg_dump / pg_restore in custom format), otherwise the
// SQLite file at DATABASE_PATH.

export interface BackupEnv { DATABASE_URL?: string | undefined; DATABASE_PATH: string }

export const engineOf = (env: BackupEnv): Engine => (env.DATABASE_URL ? 'postgres' : 'sqlite');

const engines = {
  sqlite: {
    backup: (env: BackupEnv, file: string) => backupSqlite(env.DATABASE_PATH, file),
    restore: async (env: BackupEnv, file: string) => restoreSqlite(file, env.DATABASE_PATH),
  },
  postgres: {
    backup: (env: BackupEnv, file: string) => backupPostgres(env.DATABASE_URL!, file),
    restore: (env: BackupEnv, file: string) => restorePostgres(env.DATABASE_URL!, file),
  },
} satisfies Record<Engine, { backup: (env: BackupEnv, file: string) => Promise<unknown>; restore: (env: BackupEnv, file: string) => Promise<unknown> }>;

/** Writes an online, consistent copy of the database to `file`. */
export const backupDatabase = (env: BackupEnv, file: string) => engines[engineOf(env)].backup(env, file);

/** Puts the copy in `file` back as the database (the server stopped). */
export const restoreDatabase = (env: BackupEnv, file: string) => engines[engineOf(env)].restore(env, file);
