import type { Db } from '../../db/client.js';
import { consensusRationales, declarationsWithNames, exclusionsWithNames } from '../../db/queries/report-links.js';
import type { Actor } from '../actor.js';
import { forbidden } from '../errors.js';
import { reportRefusal } from '../domain/rules/report-access.js';
import { decisionRecord } from './decision.js';
import { rankOffLoop, visibleRankingInputs } from './ranking.js';
import { visibleSensitivityReport } from './sensitivity.js';
import { structureChanges } from './structure-changes.js';
import { voteAggregate } from './votes.js';
import { workingFrom } from './working.js';
import { methodCheck, topsisOffLoop } from './method-check.js';
import { m } from '../../views/messages/index.js';

/** How many ranked vendors the report lists (the board reads the top; the CSV holds them all). */
export const REPORT_TOP = 50;
/** How many of the leaders the report shows the working for, line by line. */
export const WORKING_TOP = 3;
/** Acceptability samples: the ranking page's robustness card draws as many. */
const SAMPLES = 1000;

/**
 * Everything the board report shows, as member `a` may see it (ADR 025): each part comes from the
 * read model the app's own pages use, so the report cannot disagree with them. `ranking` and
 * `sensitivity` are null when `a` may see no scores. Throws 403 when `a` may not read the report.
 */
export async function boardReport(db: Db, a: Actor, opts: { top?: number } = {}) {
  if (reportRefusal(a.role, a.evaluation.status)) throw forbidden(m.errors.boardReportHidden);
  const e = a.evaluation;
  const inputs = await visibleRankingInputs(db, a);
  const [ranking, decision, votes, structure, declarations, exclusions, consensus] = await Promise.all([
    inputs ? rankOffLoop(a, inputs, undefined, { limit: opts.top ?? REPORT_TOP }) : Promise.resolve(null),
    decisionRecord(db, e.id),
    voteAggregate(db, e),
    structureChanges(db, e.id),
    declarationsWithNames(db, e.id),
    exclusionsWithNames(db, e.id),
    consensusRationales(db, e.id),
  ]);
  // After the ranking, not beside it: both take a heavy-job slot and the team's cap is small.
  const sensitivity = inputs ? await visibleSensitivityReport(db, a, { samples: SAMPLES }) : null;
  // The working of the top vendors and the TOPSIS check, from the same inputs as the ranking above.
  const working = inputs && ranking ? await Promise.all(ranking.result.rows.slice(0, WORKING_TOP).map((row) => workingFrom(db, a, inputs, Number(row.vendorId)))) : [];
  // Over every ranked vendor, not the top the report lists: TOPSIS may put one from further down first.
  const check = inputs && ranking ? methodCheck((await rankOffLoop(a, inputs)).result.rows, await topsisOffLoop(a, inputs), opts.top ?? REPORT_TOP) : null;
  return {
    evaluation: { id: e.id, name: e.name, status: e.status, scale: { min: e.scale_min, max: e.scale_max }, voteMethods: e.vote_methods },
    generatedAt: new Date().toISOString(),
    decision: decision ?? null,
    ranking,
    sensitivity,
    working,
    methodCheck: check,
    votes: { counted: votes.counted, total: votes.votes.length, aggregation: votes.aggregation, methods: methodCounts(votes.votes), groups: votes.groups, criteria: votes.criteria, weights: votes.weights },
    structure,
    declarations: declarations.map((d) => ({ name: d.name, conflict: d.conflict === 1, description: d.description, at: d.declared_at })),
    exclusions,
    consensus,
  };
}

export type BoardReport = Awaited<ReturnType<typeof boardReport>>;

/** How many counted votes used each method ("points: 4, ahp: 2"). */
function methodCounts(votes: readonly { method: string; excluded: boolean }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of votes) if (!v.excluded) out[v.method] = (out[v.method] ?? 0) + 1;
  return out;
}
