import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { can } from '../domain/permissions.js';
import { validPrice } from '../domain/ranking.js';
import { shortlistLines } from '../domain/shortlist.js';
import type { CellValue, ShortlistWorkbookData } from '../exports/shortlist-xlsx.js';
import { workbookPlan, type PlanLeaf } from '../exports/xlsx-plan.js';
import { eachReadableAudit } from './audit-log.js';
import { auditFilterAsSeen } from './audit-visibility.js';
import { loadRankingInputs, rankOffLoop, type RankingInputs } from './ranking.js';
import { structureChanges } from './structure-changes.js';
import { voteAggregate } from './votes.js';

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
 * The shortlist workbook's data for member `a`, from the same read model as the CSV and JSON
 * exports (the ranking inputs and their ranking, `shortlistLines`), so the three cannot disagree;
 * the visibility rule is the ranking's own (a member who may see no scores gets a 403, sealed
 * prices leave the cost criteria out). The audit sheet follows the audit log's rule.
 * `trailer` is the decision rows the CSV ends with.
 */
export async function shortlistWorkbookData(db: Db, a: Actor, trailer: (width: number) => string[][]): Promise<ShortlistWorkbookData> {
  const inputs = await loadRankingInputs(db, a);
  const [view, { withdrawn }, votes] = await Promise.all([rankOffLoop(a, inputs), structureChanges(db, a.evaluation.id), voteAggregate(db, a.evaluation)]);
  const plan = workbookPlan(view, inputs);
  const prices = new Map(inputs.vendors.map((v) => [v.id, validPrice(v.price) ? v.price : null]));
  const audit = can(a.role, 'audit') ? eachReadableAudit(db, a.evaluation.id, await auditFilterAsSeen(db, a, {})) : null;
  return {
    scale: inputs.scale, costFormula: inputs.costFormula, plan, rows: view.result.rows,
    lines: shortlistLines(view.result, view.columns, withdrawn),
    cell: cellReader(inputs), price: (id) => prices.get(id) ?? null,
    trailer: trailer(6 + plan.tops.length), votes, audit,
  };
}
