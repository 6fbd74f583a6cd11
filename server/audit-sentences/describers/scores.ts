import type { Describer, DescribeContext } from '../context.js';
import { batchCells, BATCH_LISTED } from '../../domain/audit/batch.js';
import { change, listed, NONE, quoted, rec, scoreValue, text } from '../phrases.js';
import { m } from '../../../views/messages/index.js';

/** Scores and consensus: "Eve Evaluator scored Medallia on Data: – → 4". */

/** The cell's vendor and criterion, for the sentences that say "… for Medallia on Data". */
const cell = (c: DescribeContext): [string, string] => [c.names.vendor ?? m.auditSentences.aVendor, c.names.criterion ?? m.auditSentences.aCriterion];
const had = (v: unknown) => v !== null && v !== undefined;

const scored: Describer = (c) => {
  const b = rec(c.f.before);
  const a = rec(c.f.after);
  const values = change(scoreValue(b.value, had(c.f.before)), scoreValue(a.value));
  const comment = 'comment' in a && a.comment !== b.comment && text(a.comment) ? quoted(String(a.comment)) : null;
  return m.auditSentences.score.scored(c.actor, ...cell(c), values, comment);
};

/** Lists the batch's first cells with their previous value (kept in `before` for the listed cells). */
const batch: Describer = (c) => {
  const cells = batchCells(c.f.after);
  const previous = new Map(batchCells(c.f.before).map(([v, cr, value]) => [`${v}:${cr}`, value]));
  const parts = cells.map(([v, cr, value]) => {
    const key = `${v}:${cr}`;
    return `${c.vendor(v)} / ${c.criterion(cr)}: ${change(scoreValue(previous.get(key), previous.has(key)), scoreValue(value))}`;
  });
  return m.auditSentences.score.batch(c.actor, cells.length, listed(parts, BATCH_LISTED));
};

const consensus: Describer = (c) => {
  const a = rec(c.f.after);
  const why = text(a.rationale) ? quoted(String(a.rationale)) : null;
  return m.auditSentences.score.consensus(c.actor, ...cell(c), change(scoreValue(rec(c.f.before).value, had(c.f.before)), scoreValue(a.value)), why);
};

export const scoreDescribers: Record<string, Describer> = {
  'score:score': scored,
  'score:score-batch': batch,
  'score:clear': (c) => m.auditSentences.score.cleared(c.actor, ...cell(c), change(scoreValue(rec(c.f.before).value), NONE)),
  'score-cell:consensus': consensus,
  'score-cell:clear-consensus': (c) => m.auditSentences.score.consensusCleared(c.actor, ...cell(c), change(scoreValue(rec(c.f.before).value, had(c.f.before)), NONE)),
};
