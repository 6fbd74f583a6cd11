import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { can } from '../domain/permissions.js';
import { validPrice } from '../domain/ranking.js';
import { shortlistLines } from '../domain/shortlist.js';
import type { CellValue, ShortlistWorkbookData } from '../exports/shortlist-xlsx.js';
import { workbookPlan, type PlanLeaf } from '../exports/xlsx-plan.js';
import { eachReadableAudit, type ReadableAuditRow } from './audit-log.js';
import { auditFilterAsSeen } from './audit-visibility.js';
import { loadRankingInputs, rankOffLoop, type RankingInputs, type RankingView } from './ranking.js';
import { structureChanges, type WithdrawnVendor } from './structure-changes.js';
import { voteAggregate, type VoteAggregate } from './votes.js';
import { exclusionReason } from '../../views/must-have-reasons.js';

const ABSENT: CellValue = { value: null, consensus: false };

/** Cell lookups over the inputs' matrix: exactly the values the ranking used (NaN there is "nobody scored it"). */
function cellReader(inputs: RankingInputs): (vendorId: string, leaf: PlanLeaf) => CellValue {
  const m = inputs.matrix;
  return (vendorId, leaf) => {
    const r = m.rows.get(vendorId);
    if (r === undefined || leaf.col < 0) return ABSENT;
    const i = r * m.stride + leaf.col;
    const v = m.value[i]!;
    return Number.isNaN(v) ? ABSENT : { value: v, consensus: m.hasConsensus[i] === 1 };
  };
}

/**
 * What the workbook is made from, as plain data (structured-cloneable), so a pool thread can rank
 * and write it (server/heavy/xlsx-thread.ts): the ranking inputs as member `a` may see them, the
 * withdrawn vendors, the vote aggregate and the decision rows, not yet padded to the header's width.
 */
export interface ShortlistWorkbookSource {
  inputs: RankingInputs;
  withdrawn: WithdrawnVendor[];
  votes: VoteAggregate | null;
  trailer: string[][];
}

/** The workbook's source for member `a` and the audit log as they may read it (null when their role may not). */
export async function shortlistWorkbookSource(db: Db, a: Actor, trailer: (width: number) => string[][]): Promise<{ source: ShortlistWorkbookSource; audit: AsyncIterable<ReadableAuditRow> | null }> {
  const inputs = await loadRankingInputs(db, a);
  const [{ withdrawn }, votes] = await Promise.all([structureChanges(db, a.evaluation.id), voteAggregate(db, a.evaluation)]);
  const audit = can(a.role, 'audit') ? eachReadableAudit(db, a.evaluation.id, await auditFilterAsSeen(db, a, {})) : null;
  // Width 0: no padding here; workbookDataOf pads once the plan (and so the header) is known.
  return { source: { inputs, withdrawn, votes, trailer: trailer(0) }, audit };
}

/** Pads each row with '' to `width` cells, as the CSV's decision rows are. */
const padded = (rows: readonly string[][], width: number): string[][] => rows.map((r) => [...r, ...Array<string>(Math.max(0, width - r.length)).fill('')]);

/** The workbook's data from its source and the source's ranking (no I/O: a pool thread calls it too). */
export function workbookDataOf(source: ShortlistWorkbookSource, view: RankingView, audit: AsyncIterable<ReadableAuditRow> | null): ShortlistWorkbookData {
  const { inputs } = source;
  const plan = workbookPlan(view, inputs);
  const prices = new Map(inputs.vendors.map((v) => [v.id, validPrice(v.price) ? v.price : null]));
  return {
    scale: inputs.scale, costFormula: inputs.costFormula, plan, rows: view.result.rows,
    lines: shortlistLines(view.result, view.columns, source.withdrawn, exclusionReason),
    cell: cellReader(inputs), price: (id) => prices.get(id) ?? null,
    trailer: padded(source.trailer, 6 + plan.tops.length), votes: source.votes, audit,
  };
}

/**
 * The shortlist workbook's data for member `a`, from the same read model as the CSV and JSON
 * exports (the ranking inputs and their ranking, `shortlistLines`), so the three cannot disagree;
 * the visibility rule is the ranking's own (a member who may see no scores gets a 403, sealed
 * prices leave the cost criteria out). The audit sheet follows the audit log's rule.
 * `trailer` is the decision rows the CSV ends with.
 */
export async function shortlistWorkbookData(db: Db, a: Actor, trailer: (width: number) => string[][]): Promise<ShortlistWorkbookData> {
  const { source, audit } = await shortlistWorkbookSource(db, a, trailer);
  return workbookDataOf(source, await rankOffLoop(a, source.inputs), audit);
}
