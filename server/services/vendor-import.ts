import { sqliteOf, type Db } from '../../db/client.js';
import { INSERT_CHUNK, insertVendors, nameKey, updateVendor, vendorsOf } from '../../db/queries/vendors.js';
import { recordAudit } from '../../db/queries/audit.js';
import type { LonglistField, LonglistRecord, LonglistRejection } from '../domain/csv-longlist.js';
import { readLonglist, type LonglistReading } from '../heavy/longlist-job.js';
import type { LonglistSource } from '../heavy/longlist-read.js';
import { AppError } from '../errors.js';
import { nowIso } from '../time.js';
import { nextTurn } from '../next-turn.js';
import type { Actor } from '../actor.js';

export interface ImportResult {
  created: number; updated: number;
  /** Accepted lines whose vendor already said the same. */
  unchanged: number;
  rejected: LonglistRejection[];
}

/**
 * How far an import has got: `done` of `total` accepted records are written (unchanged ones count
 * as done). Lines are checked while earlier ones are written, so `total` is the file's lines less
 * those `rejected` so far: it can only fall, and is exact once `phase` is `written`.
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
 * Imports a longlist CSV (text, or the uploaded bytes with their declared charset) into an
 * evaluation, in one transaction. New names are created, existing ones (matched by name key) are
 * updated where the file says something different, and lines that cannot become a vendor are
 * reported and skipped. Importing the same file twice changes nothing.
 */
export async function importLonglist(db: Db, a: Actor, file: LonglistSource | string, opts: ImportOptions = {}): Promise<ImportResult> {
  const { onProgress } = opts;
  // Reading and checking a big file is the slow part: in the heavy pool (ADR 017), so the event
  // loop answers everyone else meanwhile (issue 15, promise 1). The reading resolves once the whole
  // file is read, so a file that cannot be imported writes nothing; its lines then arrive a step at
  // a time, and each step is written while the thread checks the next (promise 4: a 10 MB file in
  // at most 3× the time csv-parse alone takes).
  const read = await readLonglist(a, typeof file === 'string' ? { text: file } : file);
  if (!read.ok) throw new AppError(400, read.code, read.message, { [read.field]: read.message });
  try {
    return await writeLonglist(db, a, read, onProgress);
  } finally {
    read.close();
  }
}

async function writeLonglist(db: Db, a: Actor, read: Extract<LonglistReading, { ok: true }>, onProgress: ImportOptions['onProgress']): Promise<ImportResult> {
  const evaluationId = a.evaluation.id;
  // SQLite: new vendors go in through a prepared statement on the handle under the transaction (insertVendors).
  const sqlite = sqliteOf(db);
  return db.transaction().execute(async (trx) => {
    const rows = await vendorsOf(trx, evaluationId);
    const byKey = new Map(rows.map((r) => [r.name_key, r]));
    const at = nowIso();
    const rejected: LonglistRejection[] = [];
    const before: ({ id: number } & Changes)[] = [];
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    let done = 0;
    // Lines still to be checked may yet be rejected: the total is the lines not rejected so far, exact at the end.
    const progress = (phase: ImportProgress['phase'] = 'writing') => onProgress?.({ phase, done, total: read.lines - rejected.length, rejected: rejected.length });
    await progress();

    for await (const step of read.steps) {
      for (const r of step.rejected) rejected.push(r);
      const fresh: LonglistRecord[] = [];
      const changed: { v: Existing; changes: Changes }[] = [];
      for (const r of step.records) {
        const v = byKey.get(nameKey(r.name));
        if (!v) fresh.push(r);
        else {
          const changes = changesFor(v, r);
          if (Object.keys(changes).length > 0) changed.push({ v, changes });
        }
      }
      const same = step.records.length - fresh.length - changed.length;
      unchanged += same;
      done += same;
      for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
        // A record's absent fields are empty on a new vendor (insertVendors).
        const chunk = fresh.slice(i, i + INSERT_CHUNK);
        // A concurrent import may have added the same name since we read: insertVendors skips it rather than fail the file.
        created += await insertVendors(trx, evaluationId, chunk, at, sqlite);
        done += chunk.length;
        await progress();
        // better-sqlite3 answers at once, so without a turn the whole file's writes are one stall
        // (5,000 vendors: 100–170 ms). The transaction keeps its connection; others wait for the
        // database, not for the event loop.
        await nextTurn();
      }
      for (const [i, { v, changes }] of changed.entries()) {
        await updateVendor(trx, evaluationId, v.id, changes, at);
        // The previous values of whatever the import overwrites, so the audit can explain it.
        before.push({ id: v.id, ...Object.fromEntries((Object.keys(changes) as (keyof Changes)[]).map((k) => [k, v[k]])) });
        updated += 1;
        done += 1;
        if ((i + 1) % UPDATE_REPORT === 0 || i === changed.length - 1) {
          await progress();
          await nextTurn();
        }
      }
      if (fresh.length === 0 && changed.length === 0) await progress();
    }

    const lines = done + rejected.length;
    // Every line of the file became a record or a rejection; anything less means steps were lost on
    // the way from the thread, and a file is never half imported (the transaction rolls back).
    if (lines !== read.lines) throw new Error(`longlist import: ${lines} of ${read.lines} lines arrived`);
    await recordAudit(trx, {
      teamId: a.evaluation.team_id, evaluationId, actorId: a.userId, action: 'import', entity: 'vendor', entityId: `import:${lines}`,
      before: before.length > 0 ? { updated: before } : undefined,
      after: { columns: read.fields satisfies LonglistField[], created, updated, unchanged, rejected: rejected.length },
    });
    await progress('written');
    return { created, updated, unchanged, rejected };
  });
}
