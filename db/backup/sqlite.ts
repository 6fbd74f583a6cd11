import { copyFileSync, existsSync, fsyncSync, openSync, closeSync, renameSync, rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';

// The SQLite side of `npm run backup` and `npm run restore` (issue 15, promise 8).

/** SQLite's own `integrity_check` of a database file, "ok" when sound. */
export function integrityOf(path: string): string {
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/**
 * An online copy of `source` into `target` with SQLite's backup API, while the server keeps
 * writing. All pages go in one step: that step reads inside one read transaction, so the copy is
 * the database as of one commit. In steps of a few pages, a write by another connection (the
 * server) between two steps would restart the copy, and under steady writes it might never end.
 * In WAL mode the read does not hold the writers up.
 */
export async function backupSqlite(source: string, target: string): Promise<{ pages: number; integrity: string }> {
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name.`);
  const db = new SQLite(source, { fileMustExist: true });
  let pages = 0;
  try {
    db.pragma('busy_timeout = 5000');
    const result = await db.backup(`${target}.partial`, { progress: ({ totalPages }) => { pages = totalPages; return 0x7fffffff; } });
    pages = Math.max(pages, result.totalPages);
  } finally {
    db.close();
  }
  const integrity = integrityOf(`${target}.partial`);
  if (integrity !== 'ok') throw new Error(`The copy failed its integrity check (${integrity}); nothing was kept.`);
  syncFile(`${target}.partial`);
  renameSync(`${target}.partial`, target);
  return { pages, integrity };
}

const syncFile = (path: string) => {
  const fd = openSync(path, 'r+');
  try { fsyncSync(fd); } finally { closeSync(fd); }
};

/**
 * Makes sure nothing has `path` open. Leaving WAL mode needs the only connection to the file:
 * SQLite refuses it (SQLITE_BUSY) while a server holds it open, and on success it has checkpointed
 * and removed the WAL, so the file alone is the whole database.
 */
function claimIdle(path: string): void {
  const db = new SQLite(path, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new Error('busy');
  } catch {
    throw new Error(`${path} is in use (is cxbench running?). Stop the server, then restore.`);
  } finally {
    db.close();
  }
}

/**
 * Puts the backup `from` in place of the database at `to`, with the server stopped. The backup
 * must pass its integrity check first; the database it replaces is kept beside it as
 * `<to>.before-restore-<time>`. Returns where the old one went (null when there was none).
 */
export function restoreSqlite(from: string, to: string, now = new Date()): { keptAs: string | null } {
  const integrity = integrityOf(from);
  if (integrity !== 'ok') throw new Error(`${from} failed its integrity check (${integrity}); nothing was restored.`);
  let keptAs: string | null = null;
  if (existsSync(to)) {
    claimIdle(to);
    keptAs = `${to}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(to, keptAs);
  }
  // Leftovers of an older WAL would be replayed onto the restored file.
  for (const side of ['-wal', '-shm', '-journal']) rmSync(`${to}${side}`, { force: true });
  copyFileSync(from, `${to}.restoring`);
  syncFile(`${to}.restoring`);
  renameSync(`${to}.restoring`, to);
  return { keptAs };
}
