import { sqliteOf, type Db } from '../../db/client.js';
import { INSERT_CHUNK, insertVendors, nameKey, updateVendor, vendorsOf } from '../../db/queries/vendors.js';
import { recordAudit } from '../../db/queries/audit.js';
import type { LonglistField, LonglistRecord, LonglistRejection } from '../domain/csv-longlist.js';
import { heavyOnce } from '../heavy/jobs.js';
import { AppError } from '../errors.js';
import { nowIso } from '../time.js';
import { nextTurn } from '../next-turn.js';
import type { Actor } from '../actor.js';

export interface ImportResult { created: number; updated: number; rejected: LonglistRejection[] }

/**
 * How far an import has got: `done` of `total` accepted records are written (unchanged ones count
 * as done at once); `rejected` lines are already known when writing starts.
 */
export interface ImportProgress { phase: 'writing' | 'written'; done: number; total: number; rejected: number }

export interface ImportOptions {
  /**
   * Called as the import advances (after each chunk of writes) inside its transaction; awaited, so
   * a caller streaming progress can let the event loop flush between chunks.
   */
  onProgress?: (p: ImportProgress) => void | Promise<void>;
}

type Existing = { id: number; name: string; website: string; category: string; description: string; price: number | null };
type Changes = Partial<Omit<Existing, 'id'>>;

// Updates are one statement each; progress is reported after every so many.
const UPDATE_REPORT = 500;

/** The fields a record would change on an existing vendor; empty when the vendor already says the same. */
function changesFor(v: Existing, r: LonglistRecord): Changes {
  const out: Changes = {};
  if (r.name !== v.name) out.name = r.name;
  for (const f of ['website', 'category', 'description'] as const) {
    const value = r[f];
    if (value !== undefined && value !== v[f]) out[f] = value;
  }
  if (r.price !== undefined && r.price !== v.price) out.price = r.price;
  return out;
}

/**
 * Imports a longlist CSV (text, or the uploaded bytes with their declared charset) into an evaluation, in one transaction. New names are created, existing
 * ones (matched by name key) are updated where the file says something different, and lines that
 * cannot become a vendor are reported and skipped. Importing the same file twice changes nothing.
 */
export async function importLonglist(db: Db, a: Actor, file: string | { bytes: Uint8Array; charset: string | undefined }, opts: ImportOptions = {}): Promise<ImportResult> {
  const { onProgress } = opts;
  // Reading and checking the file is the slow part of a big one: in the heavy pool (ADR 017), so the
  // event loop answers everyone else meanwhile (issue 15, promise 1).
  const read = await heavyOnce(a, { kind: 'longlist', source: typeof file === 'string' ? { text: file } : file });
  if (!read.ok) throw new AppError(400, read.code, read.message, { [read.field]: read.message });
  const { records, rejected, fields } = read.parsed;
  const evaluationId = a.evaluation.id;

  // SQLite: new vendors go in through a prepared statement on the handle under the transaction (insertVendors).
  const sqlite = sqliteOf(db);
  return db.transaction().execute(async (trx) => {
    const rows = await vendorsOf(trx, evaluationId);
    const byKey = new Map(rows.map((r) => [r.name_key, r]));

    const fresh: LonglistRecord[] = [];
    const changed: { v: Existing; changes: Changes }[] = [];
    for (const r of records) {
      const v = byKey.get(nameKey(r.name));
      if (!v) fresh.push(r);
      else {
        const changes = changesFor(v, r);
        if (Object.keys(changes).length > 0) changed.push({ v, changes });
      }
    }

    const at = nowIso();
    const total = records.length;
    let done = total - fresh.length - changed.length;
    if (onProgress) await onProgress({ phase: 'writing', done, total, rejected: rejected.length });
    let created = 0;
    for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
      const chunk = fresh.slice(i, i + INSERT_CHUNK);
      const values = chunk.map((r) => ({ name: r.name, website: r.website ?? '', category: r.category ?? '', description: r.description ?? '', price: r.price ?? null }));
      // A concurrent import may have added the same name since we read: insertVendors skips it rather than fail the file.
      created += await insertVendors(trx, evaluationId, values, at, sqlite);
      done += chunk.length;
      if (onProgress) await onProgress({ phase: 'writing', done, total, rejected: rejected.length });
      // better-sqlite3 answers at once, so without a turn the whole file's writes are one stall
      // (5,000 vendors: 100–170 ms). The transaction keeps its connection; others wait for the
      // database, not for the event loop.
      await nextTurn();
    }
    for (const [i, { v, changes }] of changed.entries()) {
      await updateVendor(trx, evaluationId, v.id, changes, at);
      done += 1;
      if ((i + 1) % UPDATE_REPORT === 0) await nextTurn();
      if (onProgress && ((i + 1) % UPDATE_REPORT === 0 || i === changed.length - 1)) await onProgress({ phase: 'writing', done, total, rejected: rejected.length });
    }

    const unchanged = records.length - fresh.length - changed.length;
    const before = changed.map(({ v, changes }) => ({
      id: v.id, ...Object.fromEntries((Object.keys(changes) as (keyof Changes)[]).map((k) => [k, v[k]])),
    }));
    await recordAudit(trx, {
      teamId: a.evaluation.team_id, evaluationId, actorId: a.userId, action: 'import', entity: 'vendor', entityId: `import:${records.length + rejected.length}`,
      // The counts, plus the previous values of whatever the import overwrote so the audit can explain it.
      before: before.length > 0 ? { updated: before } : undefined,
      after: { columns: fields satisfies LonglistField[], created, updated: changed.length, unchanged, rejected: rejected.length },
    });
    if (onProgress) await onProgress({ phase: 'written', done: total, total, rejected: rejected.length });
    return { created, updated: changed.length, rejected };
  });
}
