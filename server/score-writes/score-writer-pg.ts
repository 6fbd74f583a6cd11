import type { Db } from '../../db/client.js';
import { withRetries } from '../../db/dialect.js';
import { CHANGE_LOG_VERSIONS } from '../../db/queries/scores.js';
import { pgScoreWrites } from '../../db/queries/score-writes-pg.js';
import type { Actor } from '../actor.js';
import { notFound } from '../errors.js';
import { nowIso } from '../time.js';
import { currentLocale } from '../i18n/current.js';
import { auditValues, checkFacts, nextVersion, type BatchItem, type ScoreInput } from './score-batch.js';

/**
 * A single score write on PostgreSQL (issue 13, ADR on the write path): one transaction from the
 * pool per write, with the same checks, the same statements and the same guarantees as SQLite's
 * group commit. The first statement bumps the evaluation's cells_version, which row-locks the
 * evaluation: the evaluation's score writes then run one after another, as on SQLite's single
 * writer, while other evaluations' writes run beside them. A deadlock or serialisation failure
 * (with another service's transaction) is retried a few times.
 */
export function saveScorePg(db: Db, actor: Actor, input: ScoreInput): Promise<{ version: number }> {
  const item: BatchItem = { evaluationId: actor.evaluation.id, userId: actor.userId, input, locale: currentLocale() };
  return withRetries(() => db.transaction().execute(async (trx) => {
    const q = pgScoreWrites(trx);
    const { evaluationId, userId } = item;
    const at = nowIso();
    const seq = await q.bumpVersion(evaluationId);
    if (seq === undefined) throw notFound('evaluation');
    const f = checkFacts(await q.facts({ evaluation: evaluationId, user: userId, vendor: input.vendorId, criterion: input.criterionId }), input);
    const existing = await q.existing(input.vendorId, input.criterionId, userId);
    const version = nextVersion(existing, input);
    if (existing) await q.update(input.value, input.comment ?? existing.comment, input.abstainReason ?? null, version, at, input.vendorId, input.criterionId, userId);
    else await q.insert(evaluationId, input.vendorId, input.criterionId, userId, input.value, input.comment ?? '', input.abstainReason ?? null, version, at);
    await q.pruneChanges(evaluationId, seq - CHANGE_LOG_VERSIONS);
    await q.logChange(evaluationId, seq, input.vendorId, input.criterionId);
    await (f.vendor_exclusions ? q.refreshCellCounted : q.refreshCell)(input.vendorId, input.criterionId);
    await q.audit(...auditValues(f, item, existing, at));
    return { version };
  }));
}
