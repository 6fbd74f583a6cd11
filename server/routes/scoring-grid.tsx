import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { ScoringPage, type GridColumn, type MyScore } from '../../views/pages/scoring.js';
import { html } from '../../views/render.js';
import type { EvaluationPage as Page } from './page-access.js';
import { criteriaOf, rubricOf } from '../../db/queries/criteria.js';
import { countGridVendors, gridVendorPage, myScoredCount, myScoresFor } from '../../db/queries/scoring-grid.js';
import { declarationOf, excludedVendorIds, submissionOf } from '../../db/queries/panel.js';
import { can } from '../domain/permissions.js';
import { isScoringOpen } from '../domain/rules/may-score.js';
import { scopeOf } from '../read-models/panel-progress.js';
import { leavesInTreeOrder, parentOf } from '../domain/criteria-tree.js';

/** Vendors per page of the grid. */
const PAGE_SIZE = 50;

/** Leaves that evaluators score (cost leaves take prices instead), in tree order. */
export async function gridColumns(db: AppEnv['Variables']['db'], evaluationId: number): Promise<{ columns: GridColumn[]; hasCost: boolean }> {
  const rows = await criteriaOf(db, evaluationId);
  const leaves = leavesInTreeOrder(rows);
  const columns = leaves
    .filter((r): r is typeof r & { kind: 'scored' | 'must-have' } => r.kind !== 'cost')
    .map((r) => ({ id: r.id, name: r.name, kind: r.kind, description: r.description, rubric: rubricOf(r), parentName: parentOf(rows, r)?.name ?? null }));
  return { columns, hasCost: leaves.some((r) => r.kind === 'cost') };
}


/** The caller's scope (assignments narrow the grid), the columns in it and the "n of m cells" counter. */
export async function gridScope(db: AppEnv['Variables']['db'], evaluationId: number, userId: number) {
  const scope = await scopeOf(db, evaluationId, userId);
  const all = await gridColumns(db, evaluationId);
  const columns = scope.leaves ? all.columns.filter((col) => scope.leaves!.has(col.id)) : all.columns;
  const inScope = scope.vendors ? [...scope.vendors] : null;
  const vendorCount = await countGridVendors(db, evaluationId, inScope);
  // Per-criterion counts kept by triggers on scores (migration 005): 25 rows, not 350,000 scores.
  const done = await myScoredCount(db, evaluationId, userId, columns.map((col) => col.id));
  return { columns, hasCost: all.hasCost, inScope, vendorCount, done, total: vendorCount * columns.length };
}

/** The grid for the caller: their own scores only (blind), behind the declaration, locked once submitted or closed. */
export async function renderGrid(c: Context, p: Page, form: { errors?: Record<string, string>; values?: Record<string, string> } = {}, status: 200 | 409 | 422 = 200) {
  const canScore = can(p.role, 'score');
  const { columns, hasCost, inScope, vendorCount, done, total } = await gridScope(p.db, p.evaluation.id, p.userId);
  const pages = Math.max(1, Math.ceil(vendorCount / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(c.req.query('page')) || 1));
  const vendors = await gridVendorPage(p.db, p.evaluation.id, inScope, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const mineRows = await myScoresFor(p.db, p.evaluation.id, p.userId, vendors.map((v) => v.id));
  const mine = new Map<string, MyScore>(mineRows.map((s) => [`${s.vendor_id}:${s.criterion_id}`, { value: s.value, comment: s.comment, version: s.version, abstained: s.abstain_reason !== null }]));
  const [declaration, submission, excluded] = await Promise.all([
    declarationOf(p.db, p.evaluation.id, p.userId), submissionOf(p.db, p.evaluation.id, p.userId), excludedVendorIds(p.db, p.evaluation.id, p.userId),
  ]);
  const closedStatus = isScoringOpen(p.evaluation.status) ? null : p.evaluation.status;
  return html(c, <ScoringPage user={p.user} nav={p.nav} scale={{ min: p.evaluation.scale_min, max: p.evaluation.scale_max }} columns={columns} vendors={vendors}
    mine={mine} canScore={canScore} done={done} total={total} page={page} pages={pages} hasCost={hasCost}
    declaration={declaration ? { conflict: declaration.conflict === 1, description: declaration.description } : null}
    submittedAt={submission?.submitted_at ?? null} closedStatus={closedStatus} excluded={excluded} {...form} />, status);
}
