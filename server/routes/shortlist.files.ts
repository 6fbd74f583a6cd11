import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { accessEvaluation } from '../access.js';
import { loadRanking } from '../read-models/ranking.js';
import { shortlistLines } from '../domain/shortlist.js';
import { decisionRecord, type DecisionRecord } from '../read-models/decision.js';
import { structureChanges } from '../read-models/structure-changes.js';
import { shortlistXlsxResponse } from './shortlist.xlsx.js';
import { shortlistPdf } from './report-render.js';
import { localCsv } from '../exports/csv.js';
import { m } from '../../views/messages/index.js';
import { exclusionReason } from '../../views/must-have-reasons.js';
import { jsonStream } from '../json-in-steps.js';
import { statusWord } from '../exports/shortlist-status.js';

/**
 * The decision and its sign-off as rows after the shortlist, below one empty row, so the columns
 * above stay as they were: a label, then the value(s). `width` pads every row to the header's.
 */
function decisionRows(d: DecisionRecord, width: number): string[][] {
  const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name).join('; ');
  const t = m.exports.decisionRows;
  const rows = [
    [t.decision, t.vendors, names(d.vendors)],
    [t.decision, t.reason, d.reason],
    [t.decision, t.decidedBy, d.decidedBy.name, d.at],
    ...(d.acknowledgedProvisional.length > 0 ? [[t.decision, t.acknowledged, names(d.acknowledgedProvisional)]] : []),
    ...d.approvals.map((x) => [t.approval, x.name, x.verdict, x.comment, x.at]),
    ...d.pending.map((x) => [t.approval, x.name, t.pending]),
  ];
  return [[], ...rows].map((r) => [...r, ...Array<string>(Math.max(0, width - r.length)).fill('')]);
}

const fileName = (name: string, ext: string) => `${name.replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'evaluation'}-shortlist.${ext}`;

/** GET /evaluations/:id/shortlist.{csv,json,xlsx,pdf} — the ranked shortlist a board can file (the PDF is the board report, ADR 025). */
export const shortlistFiles = new Hono<AppEnv>()
  .get('/shortlist.csv', async (c) => {
    const a = await accessEvaluation(c, 'read');
    const evaluation = a.evaluation;
    const [{ result, columns }, decision, { withdrawn }] = await Promise.all([loadRanking(c.get('db'), a), decisionRecord(c.get('db'), evaluation.id), structureChanges(c.get('db'), evaluation.id)]);
    const lines = shortlistLines(result, columns, withdrawn, exclusionReason);
    const h = m.exports.shortlist;
    const header = [h.rank, h.vendor, h.total, h.coverage, ...columns.map((col) => col.name), h.status, h.reason];
    const rows = lines.map((l) => [l.rank ?? '', l.vendor, l.total ?? '', l.coverage ?? '', ...columns.map((col) => l.points[col.id] ?? ''), statusWord(l.status), l.reason]);
    // `;` and decimal commas where the reader's language writes them (issue 16).
    const body = localCsv([header, ...rows, ...(decision ? decisionRows(decision, header.length) : [])]);
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName(evaluation.name, 'csv')}"`,
    });
  })
  .get('/shortlist.json', async (c) => {
    const a = await accessEvaluation(c, 'read');
    const evaluation = a.evaluation;
    const [{ result, columns, weightVersion }, decision, { withdrawn }] = await Promise.all([loadRanking(c.get('db'), a), decisionRecord(c.get('db'), evaluation.id), structureChanges(c.get('db'), evaluation.id)]);
    const body = {
      evaluation: { id: String(evaluation.id), name: evaluation.name, status: evaluation.status, scale: { min: evaluation.scale_min, max: evaluation.scale_max } },
      weightSetVersion: weightVersion,
      criteria: columns.map((col) => ({ id: col.id, name: col.name })),
      rows: shortlistLines(result, columns, withdrawn, exclusionReason),
      // The decision and its sign-off (GET /decision's shape); null until the evaluation is decided.
      decision: decision ?? null,
      exportedAt: new Date().toISOString(),
    };
    // Every vendor of a landscape is megabytes of JSON: written in steps, so nobody waits on it.
    return c.body(jsonStream(body, 2), 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName(evaluation.name, 'json')}"`,
    });
  })
  // Live formulas over Scores and Weights (ADR 024); the decision rows as in the CSV.
  .get('/shortlist.xlsx', async (c) => {
    const a = await accessEvaluation(c, 'read');
    const decision = await decisionRecord(c.get('db'), a.evaluation.id);
    return shortlistXlsxResponse(c, a, (width) => (decision ? decisionRows(decision, width) : []), fileName(a.evaluation.name, 'xlsx'));
  })
  .get('/shortlist.pdf', async (c) => shortlistPdf(c, await accessEvaluation(c, 'read')));
