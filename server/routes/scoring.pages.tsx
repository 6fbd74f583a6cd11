import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { ScoreCellForm, type CellProps } from '../../views/partials/score-cell.js';
import { fragment } from '../../views/render.js';
import { evaluationPage, pageAccess } from './page-access.js';
import { gridColumns, gridScope, renderGrid } from './scoring-grid.js';
import { GridProgress } from '../../views/partials/scoring-progress.js';
import { GridAnnouncer, savedSentence } from '../../views/partials/scoring-announce.js';
import { scoreOf } from '../../db/queries/scores.js';
import { gridVendor } from '../../db/queries/scoring-grid.js';
import { clearScore, saveScore } from '../services/scores.js';
import { formValidator } from '../forms.js';
import { parseCellValue, ScoreCellFormSchema } from '../schemas/forms/scoring.js';
import { renderErrorPage } from '../../views/pages/error.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { m } from '../../views/messages/index.js';

type Counter = () => Promise<{ done: number; total: number }>;

async function respondCell(c: Context, props: CellProps, status: 200 | 409 | 422, counter: Counter) {
  if (c.req.header('hx-request')) {
    if (status !== 200) return fragment(c, <ScoreCellForm {...props} />, status);
    // A save moves the counter above the grid and is said in the grid's live region: both ride along out of band.
    const { done, total } = await counter();
    return fragment(c, <><ScoreCellForm {...props} /><GridProgress done={done} total={total} oob /><GridAnnouncer oob text={savedSentence(props, done, total)} /></>, status);
  }
  // Without JavaScript the form posted normally: back to the grid when saved, otherwise say why it was not.
  if (status === 200) return c.redirect(`/evaluations/${props.evaluationId}/scoring`, 303);
  return c.html(renderErrorPage(c, status, `${props.vendorName} — ${props.criterionName}: ${props.message ?? ''} ${m.scoring.backToGrid}`), status);
}

// A cell that does not name its vendor and criterion has no place to answer in: an error page.
const cellForm = formValidator(ScoreCellFormSchema, (_c, errors) => {
  throw badRequest(m.errors.cellMissing, errors);
});

/** GET /evaluations/:id/scoring — the caller's own scores, vendors × leaf criteria (scoring-grid.tsx); POST …/scoring/cell saves one cell. */
export const scoringPages = new Hono<AppEnv>()
  .get('/', async (c) => renderGrid(c, await evaluationPage(c, 'scoring')))
  .post('/cell', pageAccess('scoring', 'score'), cellForm, async (c) => {
    const p = c.var.page;
    const f = c.req.valid('form');
    const { vendorId, criterionId, version, comment } = f;
    const vendor = await gridVendor(p.db, p.evaluation.id, vendorId);
    const { columns } = await gridColumns(p.db, p.evaluation.id);
    const column = columns.find((col) => col.id === criterionId);
    if (!vendor || !column) throw notFound('cell');
    const scale = { min: p.evaluation.scale_min, max: p.evaluation.scale_max };
    const base: CellProps = { evaluationId: p.evaluation.id, vendorId, vendorName: vendor.name, criterionId, criterionName: column.name, kind: column.kind, value: undefined, comment, version, scale };
    const parsed = parseCellValue(f.value);
    const reply = (props: CellProps, status: 200 | 409 | 422) => respondCell(c, props, status, () => gridScope(p.db, p.evaluation.id, p.userId));
    const current = async () => scoreOf(p.db, vendorId, criterionId, p.userId);
    try {
      if (parsed === 'invalid') throw badRequest(m.scoring.badValue(scale.min, scale.max), { value: m.scoring.badValue(scale.min, scale.max) });
      if (parsed === 'abstain') {
        if (comment.trim().length < 3) return reply({ ...base, raw: f.value, state: 'error', message: m.scoring.abstainNeedsReason }, 422);
        const saved = await saveScore(p.db, p, { vendorId, criterionId, value: null, comment, version, abstainReason: comment.trim() });
        return reply({ ...base, value: null, abstained: true, version: saved.version, state: 'saved' }, 200);
      }
      if (parsed === undefined && comment.trim() !== '') {
        return reply({ ...base, raw: '', state: 'error', message: m.scoring.commentNeedsValue }, 422);
      }
      if (parsed === undefined) {
        await clearScore(p.db, p, vendorId, criterionId, version);
        return reply({ ...base, version: 0, comment: '', state: 'saved' }, 200);
      }
      const saved = await saveScore(p.db, p, { vendorId, criterionId, value: parsed, comment, version });
      return reply({ ...base, value: parsed, version: saved.version, state: 'saved' }, 200);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'stale_version') {
        const now = await current();
        return reply({ ...base, value: now ? now.value : undefined, comment: now?.comment ?? '', version: now?.version ?? 0, state: 'stale', message: m.scoring.stale }, 409);
      }
      // Not declared, submitted, closed or excluded (the services' may-score rules): the cell
      // stays in place, read-only, and says why.
      if (err.status === 403 || err.status === 409) return reply({ ...base, raw: f.value, state: 'error', message: err.message, locked: true }, 409);
      if (err.status === 400) {
        const message = parsed === 'invalid' || column.kind === 'scored' ? m.scoring.badValue(scale.min, scale.max) : err.message;
        return reply({ ...base, raw: f.value, state: 'error', message }, 422);
      }
      throw err;
    }
  });
