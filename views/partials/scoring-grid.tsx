import { ExcludedCell, ScoreCell } from './score-cell.js';
import { m } from '../messages/index.js';

/** A leaf the evaluator scores: one grid column, with what the rubric panel shows for it. */
export interface GridColumn { id: number; name: string; kind: 'scored' | 'must-have'; description: string; rubric: string[]; parentName: string | null }
export interface GridVendor {
  id: number; name: string;
  /** Why the vendor was withdrawn (issue 11): its row stays, read-only, with the reason. */
  withdrawn_reason?: string | null;
}
/** The evaluator's own score of one cell. */
export interface MyScore { value: number | null; comment: string; version: number; abstained?: boolean }

interface ScoringGridProps {
  evaluationId: number; scale: { min: number; max: number }; columns: GridColumn[]; vendors: GridVendor[];
  /** The caller's scores by `${vendorId}:${criterionId}`. */
  mine: Map<string, MyScore>;
  /** Vendors the caller is excluded from scoring. */
  excluded: Set<number>;
  locked: boolean;
}

/** The score grid: vendors down, leaf criteria across under their top-level groups. */
export function ScoringGrid(p: ScoringGridProps) {
  return (
    <div class="table-wrap grid-wrap">
      <table class="score-grid">
        <GridHead columns={p.columns} />
        <tbody>
          {p.vendors.map((v) => <GridRow {...p} vendor={v} />)}
        </tbody>
      </table>
    </div>
  );
}

/** Header groups: consecutive columns under the same top-level criterion share one spanning cell; a top-level leaf has an empty one (its name is in the row below). */
function groupsOf(columns: GridColumn[]) {
  const groups: { name: string; span: number }[] = [];
  for (const c of columns) {
    const name = c.parentName ?? '';
    const last = groups[groups.length - 1];
    if (last && last.name === name) last.span++;
    else groups.push({ name, span: 1 });
  }
  return groups;
}

/**
 * The leaves, each carrying what the rubric panel shows when it is focused, under a row of their
 * top-level groups when the tree has any (a flat list of criteria needs only the one row, whose
 * names then have the room to wrap instead of being cut).
 */
function GridHead({ columns }: { columns: GridColumn[] }) {
  const grouped = columns.some((c) => c.parentName !== null);
  const leaves = columns.map((c) => (
    <th scope="col" id={`crit-${c.id}`} data-criterion={String(c.id)} data-name={c.name} data-description={c.description} data-rubric={JSON.stringify(c.rubric)} data-kind={c.kind}>
      {c.name}
      {c.kind === 'must-have' ? <span class="badge badge-must">{m.scoring.mustHave}</span> : null}
    </th>
  ));
  const vendor = <th rowspan={grouped ? 2 : 1} class="sticky-col" scope="col">{m.scoring.vendor}</th>;
  if (!grouped) return <thead><tr>{vendor}{leaves}</tr></thead>;
  return (
    <thead>
      <tr>
        {vendor}
        {/* A top-level leaf has no group: an empty cell, not a heading that names nothing. */}
        {groupsOf(columns).map((g) => (g.name ? <th colspan={g.span} class="group-head" scope="colgroup">{g.name}</th> : <td colspan={g.span} class="group-head"></td>))}
      </tr>
      <tr>{leaves}</tr>
    </thead>
  );
}

/** One vendor's row: a cell per leaf, or an excluded marker where the caller may not score it. */
function GridRow(p: ScoringGridProps & { vendor: GridVendor }) {
  const v = p.vendor;
  const withdrawn = v.withdrawn_reason != null;
  return (
    <tr class={withdrawn ? 'row-withdrawn' : undefined}>
      <th scope="row" class="sticky-col">{v.name}{withdrawn ? <> <span class="badge badge-warn" title={v.withdrawn_reason!}>{m.scoring.withdrawnBadge}</span></> : null}</th>
      {p.columns.map((c) => {
        if (p.excluded.has(v.id)) return <ExcludedCell />;
        const s = p.mine.get(`${v.id}:${c.id}`);
        return <ScoreCell evaluationId={p.evaluationId} vendorId={v.id} vendorName={v.name} criterionId={c.id} criterionName={c.name} kind={c.kind}
          value={s ? s.value : undefined} comment={s?.comment ?? ''} version={s?.version ?? 0} scale={p.scale} locked={p.locked || withdrawn} abstained={s?.abstained} />;
      })}
    </tr>
  );
}
