import { execFile } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import { PARTS, locatePart } from '../../scripts/system-deps.mjs';

// The PostgreSQL side of `npm run backup` and `npm run restore` (issue 13, point 6): pg_dump's
// custom format, which pg_restore reads back. pg_dump reads inside one snapshot, so the copy is
// the database as of one commit while every app process keeps writing.

const run = promisify(execFile);

/**
 * pg_dump and pg_restore from the same place the test suites find PostgreSQL (PG_BIN, PATH, then
 * Debian's /usr/lib/postgresql/<version>/bin), without asking for the server programs beside them:
 * a machine that only backs up has the client package alone.
 */
function clientPrograms(): { pg_dump: string; pg_restore: string } {
  const server = PARTS.find((p) => p.id === 'postgresql')!;
  const found = locatePart({ ...server, programs: { pg_dump: ['pg_dump'], pg_restore: ['pg_restore'] } });
  if (!found.paths) throw new Error(`pg_dump and pg_restore are needed (${found.reason}); install Debian's postgresql-client or set PG_BIN.`);
  return found.paths as { pg_dump: string; pg_restore: string };
}

const failure = (err: unknown): string => ((err as { stderr?: string }).stderr || (err as Error).message).trim();

async function dump(url: string, file: string): Promise<void> {
  const { pg_dump } = clientPrograms();
  try {
    await run(pg_dump, ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`]);
  } catch (err) {
    rmSync(file, { force: true });
    throw new Error(`pg_dump failed: ${failure(err)}`);
  }
}

/** The number of tables in a custom-format archive, read by pg_restore (which refuses a damaged or foreign file). */
async function tablesIn(file: string): Promise<number> {
  try {
    const { stdout } = await run(clientPrograms().pg_restore, ['--list', file], { maxBuffer: 64 * 1024 * 1024 });
    return stdout.split('\n').filter((line) => / TABLE DATA /.test(line)).length;
  } catch (err) {
    throw new Error(`${file} is not a pg_dump archive pg_restore can read (${failure(err)}); nothing was restored.`);
  }
}

/** An online, consistent copy of the database at `url` into `target` (written whole, then renamed). */
export async function backupPostgres(url: string, target: string): Promise<{ tables: number }> {
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name.`);
  await dump(url, `${target}.partial`);
  const tables = await tablesIn(`${target}.partial`);
  renameSync(`${target}.partial`, target);
  return { tables };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Refuses while anything else is connected to the database: every app process must be stopped first. */
async function claimIdle(url: string): Promise<void> {
  const { rows } = await withClient(url, (c) => c.query<{ n: number }>(
    "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'"));
  const n = rows[0]!.n;
  if (n > 0) throw new Error(`${n} other connection(s) to the database are open: stop every cxbench process (and other clients) first; nothing was restored.`);
}

/**
 * Puts the backup `from` in place of the database at `url`, every app process stopped. The archive
 * is read first; the database it replaces is dumped beside the backup as
 * `<from>.before-restore-<time>`; then the schema is emptied and the archive restored in one
 * transaction, so a failed restore leaves the empty schema and the kept copy, never half of each.
 */
export async function restorePostgres(url: string, from: string, now = new Date()): Promise<{ keptAs: string; tables: number }> {
  const tables = await tablesIn(from);
  await claimIdle(url);
  const keptAs = `${from}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
  await dump(url, keptAs);
  // Emptied, not restored over with --clean: tables a newer migration made would otherwise stay
  // beside the older backup's migration list, and the next start would fail to create them again.
  await withClient(url, (c) => c.query('drop schema public cascade; create schema public'));
  try {
    await run(clientPrograms().pg_restore, ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${url}`, from]);
  } catch (err) {
    throw new Error(`pg_restore failed (${failure(err)}); the database before the restore is kept in ${keptAs}.`);
  }
  return { keptAs, tables };
}
