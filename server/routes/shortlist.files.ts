import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.js';
import { accessEvaluation } from '../access.js';
import { decisionRecord } from '../read-models/decision.js';
import { shortlistXlsxResponse } from './shortlist.xlsx.js';
import { shortlistPdf } from './report-render.js';
import { decisionRows } from '../exports/shortlist-files.js';
import { loadRankingInputs } from '../read-models/ranking.js';
import { structureChanges } from '../read-models/structure-changes.js';
import { heavyOnce } from '../heavy/jobs.js';

const fileName = (name: string, ext: string) => `${name.replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'evaluation'}-shortlist.${ext}`;

const CONTENT_TYPE = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

/**
 * The shortlist as CSV or JSON: the data loaded here as the reader may see it, the file ranked and
 * written from it alone (exports/shortlist-files.ts), in a pool thread when the evaluation is big.
 */
async function shortlistFile(c: Context<AppEnv>, format: 'csv' | 'json') {
  const a = await accessEvaluation(c, 'read');
  const { evaluation } = a;
  const db = c.get('db');
  const [inputs, decision, { withdrawn }] = await Promise.all([loadRankingInputs(db, a), decisionRecord(db, evaluation.id), structureChanges(db, evaluation.id)]);
  const bytes = await heavyOnce(a, {
    kind: 'shortlistFile',
    inputs,
    source: {
      format,
      withdrawn: withdrawn.map((w) => ({ name: w.name, reason: w.reason })),
      decision: decision ?? null,
      evaluation: { id: String(evaluation.id), name: evaluation.name, status: evaluation.status, scale: { min: evaluation.scale_min, max: evaluation.scale_max } },
      exportedAt: new Date().toISOString(),
    },
  });
  return c.body(bytes, 200, { 'content-type': CONTENT_TYPE[format], 'content-disposition': `attachment; filename="${fileName(evaluation.name, format)}"` });
}

/** GET /evaluations/:id/shortlist.{csv,json,xlsx,pdf} — the ranked shortlist a board can file (the PDF is the board report, ADR 025). */
export const shortlistFiles = new Hono<AppEnv>()
  .get('/shortlist.csv', async (c) => shortlistFile(c, 'csv'))
  .get('/shortlist.json', async (c) => shortlistFile(c, 'json'))
  // Live formulas over Scores and Weights (ADR 024); the decision rows as in the CSV.
  .get('/shortlist.xlsx', async (c) => {
    const a = await accessEvaluation(c, 'read');
    const decision = await decisionRecord(c.get('db'), a.evaluation.id);
    return shortlistXlsxResponse(c, a, (width) => (decision ? decisionRows(decision, width) : []), fileName(a.evaluation.name, 'xlsx'));
  })
  .get('/shortlist.pdf', async (c) => shortlistPdf(c, await accessEvaluation(c, 'read')));
