import { Hono } from 'hono';
import { stringify } from 'csv-stringify/sync';
import type { AppEnv } from '../context.js';
import { accessEvaluation } from '../access.js';
import { loadRanking } from '../read-models/ranking.js';
import { shortlistLines } from '../domain/shortlist.js';

const fileName = (name: string, ext: string) => `${name.replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'evaluation'}-shortlist.${ext}`;

/** GET /evaluations/:id/shortlist.{csv,json} — the ranked shortlist a board can file. */
export const shortlistFiles = new Hono<AppEnv>()
  .get('/shortlist.csv', async (c) => {
    const a = await accessEvaluation(c, 'read');
    const evaluation = a.evaluation;
    const { result, columns } = await loadRanking(c.get('db'), a);
    const lines = shortlistLines(result, columns);
    const header = ['rank', 'vendor', 'total', 'coverage', ...columns.map((col) => col.name), 'status', 'reason'];
    const body = stringify([header, ...lines.map((l) => [l.rank ?? '', l.vendor, l.total ?? '', l.coverage ?? '', ...columns.map((col) => l.points[col.id] ?? ''), l.status, l.reason])], {
      // A cell starting with = + - @ is prefixed with ' so a spreadsheet shows it as text instead of running it.
      escape_formulas: true,
    });
    return c.body(`\uFEFF${body}`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName(evaluation.name, 'csv')}"`,
    });
  })
  .get('/shortlist.json', async (c) => {
    const a = await accessEvaluation(c, 'read');
    const evaluation = a.evaluation;
    const { result, columns, weightVersion } = await loadRanking(c.get('db'), a);
    const body = {
      evaluation: { id: String(evaluation.id), name: evaluation.name, status: evaluation.status, scale: { min: evaluation.scale_min, max: evaluation.scale_max } },
      weightSetVersion: weightVersion,
      criteria: columns.map((col) => ({ id: col.id, name: col.name })),
      rows: shortlistLines(result, columns),
      exportedAt: new Date().toISOString(),
    };
    return c.body(JSON.stringify(body, null, 2), 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName(evaluation.name, 'json')}"`,
    });
  });
