import type { Db } from '../../db/client.js';
import { pgPoolOf } from '../../db/client.js';
import { withRetries } from '../../db/dialect.js';
import { pgScoreWrites } from '../../db/queries/score-writes-pg.js';
import type { Actor } from '../actor.js';
import { nowIso } from '../time.js';
import { currentLocale } from '../i18n/current.js';
import { auditValues, checkFacts, nextVersion, type BatchItem, type ScoreInput } from './score-batch.js';

/**
 * A single score write on PostgreSQL (issue 13, ADR 045): one transaction on a pooled connection
 * per write, with the same checks and guarantees as SQLite's group commit, in five round trips.
 *
 * Locks, in the order every writer of score cells takes them (ADR 045): the cell's aggregate row
 * first, so writes of one cell run one after another and the aggregate sees every committed score
 * of the cell; the evaluation's row last, in the closing round trip that also commits, so the
 * change log's seq order is commit order (ADR 008) while the evaluation's other cells are written
 * in parallel. A deadlock or serialisation failure is retried a few times.
 */
export function saveScorePg(db: Db, actor: Actor, input: ScoreInput): Promise<{ version: number }> {
  const pool = pgPoolOf(db);
  if (!pool) return Promise.reject(new Error('Score writes on PostgreSQL need the Db from openPostgres (ADR 045).'));
  const item: BatchItem = { evaluationId: actor.evaluation.id, userId: actor.userId, input, locale: currentLocale() };
  return withRetries(async () => {
    const client = await pool.connect();
    const q = pgScoreWrites(client);
    let broken: Error | undefined;
    try {
      await q.begin();
      const result = await writeOne(q, item);
      return result;
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

/** Checks and writes one score in the open transaction, then stamps and commits; throws the 4xx that stops it. */
async function writeOne(q: ReturnType<typeof pgScoreWrites>, item: BatchItem): Promise<{ version: number }> {
  const { evaluationId, userId, input } = item;
  const at = nowIso();
  const f = checkFacts(await q.lockCellAndFacts({ evaluation: evaluationId, user: userId, vendor: input.vendorId, criterion: input.criterionId }), input);
  const existing = await q.existing(input.vendorId, input.criterionId, userId);
  const version = nextVersion(existing, input);
  if (existing) await q.update(input.value, input.comment ?? existing.comment, input.abstainReason ?? null, version, at, input.vendorId, input.criterionId, userId);
  else await q.insert(evaluationId, input.vendorId, input.criterionId, userId, input.value, input.comment ?? '', input.abstainReason ?? null, version, at);
  await q.refreshAndAudit(Boolean(f.vendor_exclusions), input.vendorId, input.criterionId, auditValues(f, item, existing, at));
  await q.stampAndCommit(evaluationId, input.vendorId, input.criterionId);
  return { version };
}
