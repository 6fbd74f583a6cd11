import type { Describer, DescribeContext } from '../context.js';
import { batchCells, BATCH_LISTED } from '../batch.js';
import { change, count, listed, NONE, quoted, rec, scoreValue, text } from '../phrases.js';

/** Scores and consensus: "Eve Evaluator scored Medallia on Data: – → 4". */

const cell = (c: DescribeContext) => `${c.names.vendor ?? 'a vendor'} on ${c.names.criterion ?? 'a criterion'}`;
const had = (v: unknown) => v !== null && v !== undefined;

const scored: Describer = (c) => {
  const b = rec(c.f.before);
  const a = rec(c.f.after);
  const values = change(scoreValue(b.value, had(c.f.before)), scoreValue(a.value));
  const comment = 'comment' in a && a.comment !== b.comment && text(a.comment) ? `, comment ${quoted(String(a.comment))}` : '';
  return `${c.actor} scored ${cell(c)}: ${values}${comment}`;
};

/** Lists the batch's first cells with their previous value (kept in `before` for the listed cells). */
const batch: Describer = (c) => {
  const cells = batchCells(c.f.after);
  const previous = new Map(batchCells(c.f.before).map(([v, cr, value]) => [`${v}:${cr}`, value]));
  const parts = cells.map(([v, cr, value]) => {
    const key = `${v}:${cr}`;
    return `${c.vendor(v)} / ${c.criterion(cr)}: ${change(scoreValue(previous.get(key), previous.has(key)), scoreValue(value))}`;
  });
  return `${c.actor} saved ${count(cells.length, 'score')}${parts.length ? `: ${listed(parts, BATCH_LISTED)}` : ''}`;
};

const consensus: Describer = (c) => {
  const a = rec(c.f.after);
  const why = text(a.rationale) ? ` (rationale ${quoted(String(a.rationale))})` : '';
  return `${c.actor} set the panel's consensus for ${cell(c)}: ${change(scoreValue(rec(c.f.before).value, had(c.f.before)), scoreValue(a.value))}${why}`;
};

export const scoreDescribers: Record<string, Describer> = {
  'score:score': scored,
  'score:score-batch': batch,
  'score:clear': (c) => `${c.actor} withdrew their score for ${cell(c)}: ${change(scoreValue(rec(c.f.before).value), NONE)}`,
  'score-cell:consensus': consensus,
  'score-cell:clear-consensus': (c) => `${c.actor} removed the panel's consensus for ${cell(c)}: ${change(scoreValue(rec(c.f.before).value, had(c.f.before)), NONE)}`,
};
