import { rankingPlan } from '../domain/ranking.js';
import type { RankingInputs, RankingView } from '../read-models/ranking.js';

/** A top-level criterion of the breakdown, with its weight in force (its global share). */
export interface PlanTop { id: string; name: string; weight: number }

/** A weighted leaf as the workbook lays it out: one column of Scores and of Working, one row of Weights. */
export interface PlanLeaf {
  id: string; path: string; kind: 'scored' | 'cost';
  /** Index into `tops`. */
  top: number;
  /** Share within its top-level criterion (1 for a top-level leaf). */
  share: number;
  /** The leaf weight the app ranks with (resolveWeights' leaf weight). */
  weight: number;
  /** The leaf's column in the inputs' cell matrix (-1: no cells; unused for cost). */
  col: number;
}

/** What the workbook's formulas are made over: the leaves the app ranks on, grouped by top-level criterion. */
export interface WorkbookPlan { tops: PlanTop[]; leaves: PlanLeaf[] }

/**
 * The weighted leaves exactly as the ranking takes them (`rankingPlan` over the view's criteria and
 * leaf weights): must-have leaves and leaves without weight carry nothing and are left out. Leaves
 * are grouped by top-level criterion (stable), so each top-level criterion's points are one
 * contiguous range of the Working sheet.
 */
export function workbookPlan(view: RankingView, inputs: RankingInputs): WorkbookPlan {
  const { weighted } = rankingPlan(view.nodes, view.resolved.leaves);
  const tops: PlanTop[] = view.columns.map((c) => ({ id: c.id, name: c.name, weight: view.resolved.global.get(c.id) ?? 0 }));
  const topIndex = new Map(tops.map((t, i) => [t.id, i]));
  const leaves = weighted.map(({ c, w, top }): PlanLeaf => {
    const t = topIndex.get(top);
    if (t === undefined) throw new Error(`workbook plan: leaf ${c.id} under ${top}, which carries no weight`);
    const isTop = c.parentId === null;
    return {
      id: c.id, path: isTop ? c.name : `${tops[t]!.name} › ${c.name}`, kind: c.kind === 'cost' ? 'cost' : 'scored', top: t,
      share: isTop ? 1 : (view.resolved.local.get(c.id) ?? 0), weight: w, col: inputs.matrix.cols.get(c.id) ?? -1,
    };
  });
  leaves.sort((a, b) => a.top - b.top);
  return { tops, leaves };
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
