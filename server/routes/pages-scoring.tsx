import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { ScoringPage, type GridColumn, type MyScore } from '../../views/pages/scoring.js';
import { ScoreCellForm, type CellProps } from '../../views/partials/score-cell.js';
import { fragment, html } from '../../views/render.js';
import { evaluationPage } from './page-access.js';
import { criteriaOf, rubricOf } from '../../db/queries/criteria.js';
import { scoreOf } from '../../db/queries/scores.js';
import { clearScore, saveScore } from '../services/scores.js';
import { formFields, parseDecimal } from '../forms.js';
import { renderErrorPage } from '../../views/pages/error.js';
import { can } from '../domain/permissions.js';
import { parseId } from '../ids.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { m } from '../../views/messages/index.js';
import { declare, SCORING_OPEN, submitScores } from '../services/panel.js';
import { declarationOf, excludedVendorIds, submissionOf } from '../../db/queries/panel.js';
import { scopeOf } from '../services/panel-admin.js';

const PAGE_SIZE = 50;

/** Leaves that evaluators score (cost leaves take prices instead), in tree order. */
async function gridColumns(db: AppEnv['Variables']['db'], evaluationId: number): Promise<{ columns: GridColumn[]; hasCost: boolean }> {
  const rows = await criteriaOf(db, evaluationId);
  const parents = new Set(rows.map((r) => r.parent_id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = rows.filter((r) => r.parent_id === null).flatMap((top) => (parents.has(top.id) ? rows.filter((r) => r.parent_id === top.id) : [top]));
  const leaves = ordered.filter((r) => !parents.has(r.id));
  const columns = leaves
    .filter((r): r is typeof r & { kind: 'scored' | 'must-have' } => r.kind !== 'cost')
    .map((r) => ({ id: r.id, name: r.name, kind: r.kind, description: r.description, rubric: rubricOf(r), parentName: r.parent_id === null ? null : (byId.get(r.parent_id)?.name ?? null) }));
  return { columns, hasCost: leaves.some((r) => r.kind === 'cost') };
}

type Page = Awaited<ReturnType<typeof evaluationPage>>;

/** The grid for the caller: their own scores only (blind), behind the declaration, locked once submitted or closed. */
async function renderGrid(c: Context<AppEnv>, p: Page, form: { errors?: Record<string, string>; values?: Record<string, string> } = {}, status: 200 | 422 = 200) {
  const canScore = can(p.role, 'score');
  // Assignments narrow the grid to what this evaluator was asked to score.
  const scope = await scopeOf(p.db, p.evaluation.id, p.userId);
  const all = await gridColumns(p.db, p.evaluation.id);
  const columns = scope.leaves ? all.columns.filter((col) => scope.leaves!.has(col.id)) : all.columns;
  const hasCost = all.hasCost;
  const inScope = scope.vendors ? [...scope.vendors] : null;
  let vendorQuery = p.db.selectFrom('vendors').where('evaluation_id', '=', p.evaluation.id);
  if (inScope) vendorQuery = vendorQuery.where('id', 'in', inScope.length > 0 ? inScope : [0]);
  const total = await vendorQuery.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const vendorCount = Number(total?.n ?? 0);
  const pages = Math.max(1, Math.ceil(vendorCount / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(c.req.query('page')) || 1));
  const vendors = await vendorQuery.select(['id', 'name']).orderBy('name_key').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute();
  const mineRows = vendors.length === 0 ? [] : await p.db.selectFrom('scores').select(['vendor_id', 'criterion_id', 'value', 'comment', 'version', 'abstain_reason'])
    .where('evaluation_id', '=', p.evaluation.id).where('evaluator_id', '=', p.userId).where('vendor_id', 'in', vendors.map((v) => v.id)).execute();
  const mine = new Map<string, MyScore>(mineRows.map((s) => [`${s.vendor_id}:${s.criterion_id}`, { value: s.value, comment: s.comment, version: s.version, abstained: s.abstain_reason !== null }]));
  const columnIds = columns.map((col) => col.id);
  // Per-criterion counts kept by triggers on scores (migration 005): 25 rows, not 350,000 scores.
  const done = columnIds.length === 0 ? 0 : Number((await p.db.selectFrom('score_counts').select((eb) => eb.fn.sum<number>('n').as('n'))
    .where('evaluation_id', '=', p.evaluation.id).where('evaluator_id', '=', p.userId).where('criterion_id', 'in', columnIds).executeTakeFirst())?.n ?? 0);
  const [declaration, submission, excluded] = await Promise.all([
    declarationOf(p.db, p.evaluation.id, p.userId), submissionOf(p.db, p.evaluation.id, p.userId), excludedVendorIds(p.db, p.evaluation.id, p.userId),
  ]);
  const closedStatus = (SCORING_OPEN as readonly string[]).includes(p.evaluation.status) ? null : p.evaluation.status;
  return html(c, <ScoringPage user={p.user} nav={p.nav} scale={{ min: p.evaluation.scale_min, max: p.evaluation.scale_max }} columns={columns} vendors={vendors}
    mine={mine} canScore={canScore} done={done} total={vendorCount * columns.length} page={page} pages={pages} hasCost={hasCost}
    declaration={declaration ? { conflict: declaration.conflict === 1, description: declaration.description } : null}
    submittedAt={submission?.submitted_at ?? null} closedStatus={closedStatus} excluded={excluded} {...form} />, status);
}

/** "3", "3,5", "N/A", "abstain" or "" from a grid cell → a number, null (N/A), undefined (cleared) or an error. */
function parseCellValue(raw: string): number | null | undefined | 'invalid' | 'abstain' {
  const s = raw.trim();
  if (s === '') return undefined;
  if (/^abstain$/i.test(s)) return 'abstain';
  if (/^(n\/?a|-)$/i.test(s)) return null;
  const n = parseDecimal(s);
  return Number.isFinite(n) ? n : 'invalid';
}

function respondCell(c: Context<AppEnv>, props: CellProps, status: 200 | 409 | 422) {
  if (c.req.header('hx-request')) return fragment(c, <ScoreCellForm {...props} />, status);
  // Without JavaScript the form posted normally: back to the grid when saved, otherwise say why it was not.
  if (status === 200) return c.redirect(`/evaluations/${props.evaluationId}/scoring`, 303);
  return c.html(renderErrorPage(c, status, `${props.vendorName} — ${props.criterionName}: ${props.message ?? ''} ${m.scoring.backToGrid}`), status);
}

/** GET /evaluations/:id/scoring — the caller's own scores, vendors × leaf criteria; POST …/scoring/cell saves one cell. */
export const scoringPages = new Hono<AppEnv>()
  .get('/evaluations/:id/scoring', async (c) => renderGrid(c, await evaluationPage(c, 'scoring')))
  .post('/evaluations/:id/declaration', async (c) => {
    const p = await evaluationPage(c, 'scoring', 'score');
    const f = await formFields(c);
    const errors: Record<string, string> = {};
    if (f.conflict !== 'yes' && f.conflict !== 'no') errors.conflict = m.scoring.declareMissing;
    if (f.conflict === 'yes' && (f.description ?? '').trim().length < 3) errors.description = m.scoring.declareNeedsText;
    if (Object.keys(errors).length > 0) return renderGrid(c, p, { errors, values: f }, 422);
    await declare(p.db, p, f.conflict === 'yes' ? { conflict: true, description: (f.description ?? '').trim().slice(0, 2000) } : { conflict: false });
    return c.redirect(`/evaluations/${p.evaluation.id}/scoring`, 303);
  })
  .post('/evaluations/:id/submission', async (c) => {
    const p = await evaluationPage(c, 'scoring', 'score');
    await submitScores(p.db, p);
    return c.redirect(`/evaluations/${p.evaluation.id}/scoring`, 303);
  })
  .post('/evaluations/:id/scoring/cell', async (c) => {
    const p = await evaluationPage(c, 'scoring', 'score');
    const f = await formFields(c);
    const vendorId = parseId(f.vendorId);
    const criterionId = parseId(f.criterionId);
    if (vendorId === null || criterionId === null) throw badRequest('The cell is missing its vendor or criterion.');
    const vendor = await p.db.selectFrom('vendors').select(['id', 'name']).where('evaluation_id', '=', p.evaluation.id).where('id', '=', vendorId).executeTakeFirst();
    const { columns } = await gridColumns(p.db, p.evaluation.id);
    const column = columns.find((col) => col.id === criterionId);
    if (!vendor || !column) throw notFound('The cell');
    const scale = { min: p.evaluation.scale_min, max: p.evaluation.scale_max };
    const version = Number(f.version) || 0;
    const comment = (f.comment ?? '').slice(0, 2000);
    const base: CellProps = { evaluationId: p.evaluation.id, vendorId, vendorName: vendor.name, criterionId, criterionName: column.name, kind: column.kind, value: undefined, comment, version, scale };
    const parsed = parseCellValue(f.value ?? '');
    const current = async () => scoreOf(p.db, vendorId, criterionId, p.userId);
    try {
      if (parsed === 'invalid') throw badRequest(m.scoring.badValue(scale.min, scale.max));
      if (parsed === 'abstain') {
        if (comment.trim().length < 3) return respondCell(c, { ...base, raw: f.value ?? '', state: 'error', message: m.scoring.abstainNeedsReason }, 422);
        const saved = await saveScore(p.db, p, { vendorId, criterionId, value: null, comment, version, abstainReason: comment.trim() });
        return respondCell(c, { ...base, value: null, abstained: true, version: saved.version, state: 'saved' }, 200);
      }
      if (parsed === undefined && comment.trim() !== '') {
        return respondCell(c, { ...base, raw: '', state: 'error', message: m.scoring.commentNeedsValue }, 422);
      }
      if (parsed === undefined) {
        await clearScore(p.db, p, vendorId, criterionId, version);
        return respondCell(c, { ...base, version: 0, comment: '', state: 'saved' }, 200);
      }
      const saved = await saveScore(p.db, p, { vendorId, criterionId, value: parsed, comment, version });
      return respondCell(c, { ...base, value: parsed, version: saved.version, state: 'saved' }, 200);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'stale_version') {
        const now = await current();
        return respondCell(c, { ...base, value: now ? now.value : undefined, comment: now?.comment ?? '', version: now?.version ?? 0, state: 'stale', message: m.scoring.stale }, 409);
      }
      // Not declared, submitted, closed or excluded (the services' may-score rules): the cell
      // stays in place, read-only, and says why.
      if (err.status === 403 || err.status === 409) return respondCell(c, { ...base, raw: f.value ?? '', state: 'error', message: err.message, locked: true }, 409);
      if (err.status === 400) {
        const message = parsed === 'invalid' || column.kind === 'scored' ? m.scoring.badValue(scale.min, scale.max) : err.message;
        return respondCell(c, { ...base, raw: f.value ?? '', state: 'error', message }, 422);
      }
      throw err;
    }
  });
