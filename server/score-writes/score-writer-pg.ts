import type { Db } from '../../db/client.js';
import { pgPoolOf } from '../../db/client.js';
import { withRetries } from '../../db/dialect.js';
import { pgScoreWrites, STATUS_MOVED } from '../../db/queries/score-writes-pg.js';
import type { Actor } from '../actor.js';
import { nowIso } from '../time.js';
import { currentLocale } from '../i18n/current.js';
import { auditValues, checkFacts, nextVersion, type BatchItem, type ScoreInput } from './score-batch.js';

/**
 * A single score write on PostgreSQL (issue 13, ADR 047): one transaction on a pooled connection
 * per write, with the same checks and guarantees as SQLite's group commit, in five round trips
 * (score-writes-pg.ts): BEGIN and lock the cell; read the facts (after the lock, so they are the
 * lock holder's committed state); read the existing score; write
 * the score, the cell's aggregate and the audit entry; stamp the evaluation, log and COMMIT.
 *
 * Locks, in the order every writer of score cells takes them (ADR 047): the cell's aggregate row
 * first, so writes of one cell run one after another and the aggregate sees every committed score
 * of the cell; the evaluation's row last, in the closing round trip that also commits, so the
 * change log's seq order is commit order (ADR 008) while the evaluation's other cells are written
 * in parallel. A deadlock or serialisation failure is retried a few times.
 */
export function saveScorePg(db: Db, actor: Actor, input: ScoreInput): Promise<{ version: number }> {
  const pool = pgPoolOf(db);
  if (!pool) return Promise.reject(new Error('Score writes on PostgreSQL need the Db from openPostgres (ADR 047).'));
  const item: BatchItem = { evaluationId: actor.evaluation.id, userId: actor.userId, input, locale: currentLocale() };
  return withRetries(async () => {
    const client = await pool.connect();
    const q = pgScoreWrites(client);
    let broken: Error | undefined;
    try {
      return await writeOne(q, item);
    } catch (err) {
      // Whatever failed (a 4xx, a deadlock, the commit itself), nothing of the write stays; a
      // connection that cannot even roll back is dropped from the pool.
      await q.rollback().catch((e: Error) => { broken = e; });
      throw err;
    } finally {
      client.release(broken);
    }
  });
}

/** Checks and writes one score, then stamps and commits; throws the 4xx that stops it (the caller rolls back). */
async function writeOne(q: ReturnType<typeof pgScoreWrites>, item: BatchItem): Promise<{ version: number }> {
  const { evaluationId, userId, input } = item;
  const at = nowIso();
  const ids = { evaluation: evaluationId, user: userId, vendor: input.vendorId, criterion: input.criterionId };
  await q.beginAndLockCell(ids);
  const f = checkFacts(await q.facts(ids), input);
  const existing = await q.existing(ids);
  const version = nextVersion(existing, input);
  await q.write(existing !== undefined, Boolean(f.vendor_exclusions), {
    ...ids, value: input.value, comment: input.comment ?? existing?.comment ?? '', abstain: input.abstainReason ?? null, version, at,
    audit: auditValues(f, item, existing, at),
  });
  await q.stampAndCommit(ids, f.status).catch((err: { code?: string }) => {
    // The status moved under the write (its facts are stale): run it again, as a serialisation failure is.
    throw err?.code === STATUS_MOVED ? Object.assign(new Error('The evaluation\'s status changed during the write.'), { code: '40001' }) : err;
  });
  return { version };
}
