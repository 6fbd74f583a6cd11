import { z } from '@hono/zod-openapi';
import { loadRankingInputs, rankOffLoop, type RankingInputs, type RankingView } from '../read-models/ranking.js';
import { rankingAnswerBody, weightedRow, type RankingAnswerExtras } from '../exports/ranking-answer.js';
import { rankingAnswerOffLoop } from '../read-models/ranking-answer.js';
import { poolEnabled } from '../heavy/pool.js';
import { topsisOffLoop } from '../read-models/method-check.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute } from '../openapi/specs.js';
import { structureChanges } from '../read-models/structure-changes.js';
import { pricePoints, valueForMoneyOf } from '../read-models/price-quality.js';
import { whatIfInputs } from '../read-models/what-if.js';
import { CostFormulaName } from '../schemas/cost-formula.js';
import { WhatIfWeightsParam } from '../schemas/what-if.js';
import { m } from '../../views/messages/index.js';
import { BIG_ANSWER_ROWS, jsonStream } from '../json-in-steps.js';

const LimitSchema = z.object({
  limit: z.coerce.number().int().min(1, { error: () => m.validation.atLeast(1) }).max(100_000).optional().openapi({ description: 'Only the first `limit` rows.' }),
  method: z.enum(['weighted-sum', 'topsis', 'value-for-money'], { error: () => m.validation.rankingMethod }).optional()
    .openapi({ description: '`topsis`: the same vendors ranked by TOPSIS as a method check (rows add `closeness`; `total` = 100 × closeness; `breakdown` is empty, closeness does not split by criterion). `value-for-money`: the ranked vendors by price per quality point, lowest first (rows add `price`, `quality` = `total` without the cost criteria\'s points, `perPoint` = price ÷ quality, and `officialRank`; `rank` is the place in this order; vendors without a price, or with no quality points, are left out; none while prices are sealed for the caller). Default: the weighted sum.' }),
  costFormula: CostFormulaName.optional().openapi({ description: 'What-if: rank with this cost formula instead of the one recorded (ADR 030). Nothing is stored.' }),
  weights: WhatIfWeightsParam.optional(),
});

const Ranking = z.object({
  rows: z.array(z.object({
    rank: z.number(), vendorId: z.string(), name: z.string(), total: z.number().openapi({ description: '0–100.' }), coverage: z.number().openapi({ description: '0–1.' }),
    provisional: z.boolean(), breakdown: z.record(z.string(), z.number()).openapi({ description: 'Top-level criterion id → points; sums to `total` (empty under `method=topsis`).' }),
    closeness: z.number().optional().openapi({ description: 'Only with `method=topsis`: the TOPSIS relative closeness to the ideal, 0–1.' }),
    price: z.number().optional().openapi({ description: 'Only with `method=value-for-money`: the vendor\'s price.' }),
    quality: z.number().optional().openapi({ description: 'Only with `method=value-for-money`: quality points, `total` less the cost criteria\'s points (0–100).' }),
    perPoint: z.number().optional().openapi({ description: 'Only with `method=value-for-money`: price per quality point, `price` ÷ `quality`.' }),
    officialRank: z.number().optional().openapi({ description: 'Only with `method=value-for-money`: the vendor\'s rank by weighted sum.' }),
  })),
  method: z.enum(['topsis', 'value-for-money']).optional().openapi({ description: 'Present when the rows are not the weighted-sum ranking: ranked by TOPSIS, or ordered by value for money.' }),
  costFormula: CostFormulaName.openapi({ description: 'The cost formula the totals use: the recorded one, or the what-if’s.' }),
  whatIf: z.boolean().openapi({ description: 'True when `costFormula` or `weights` was given: the figures are a what-if, nothing was stored.' }),
  excluded: z.array(z.object({ vendorId: z.string(), name: z.string(), reason: z.string() })),
  unscored: z.array(z.object({ vendorId: z.string(), name: z.string() }))
    .openapi({ description: 'Vendors nobody has scored yet (no value on any weighted criterion), by name: not in `rows`, no rank; ranks count only the scored vendors.' }),
  weights: z.record(z.string(), z.number()).openapi({ description: 'Leaf criterion id → weight (sum 1).' }),
  view: z.enum(['own', 'team']).openapi({ description: 'Whose scores the figures come from: `own` (a scorer who has not submitted, before review: their scores alone) or `team`.' }),
  withdrawn: z.array(z.object({ vendorId: z.string(), name: z.string(), reason: z.string() })).openapi({ description: 'Vendors withdrawn with a reason: not ranked, their scores kept.' }),
  weightChanges: z.array(z.object({ version: z.number(), by: z.string().nullable(), at: z.string(), reason: z.string() })).openapi({ description: 'Weight changes made after scoring began, oldest first.' }),
});

/** The weighted-sum rows in value-for-money order (read-models/price-quality.ts, as the ranking page shows them), with the figures behind it. */
function valueForMoneyRows<R extends { vendorId: string }>(inputs: RankingInputs, view: RankingView, weighted: (r: RankingView['result']['rows'][number]) => R) {
  const byId = new Map(view.result.rows.map((r) => [r.vendorId, r]));
  return valueForMoneyOf(pricePoints(inputs, view)).map((p, i) => ({
    ...weighted(byId.get(p.vendorId)!), rank: i + 1, price: p.price!, quality: p.quality, perPoint: p.perPoint!, officialRank: p.rank,
  }));
}

const read = readRoute({ access: 'read', summary: 'Vendors ranked by weighted score, the excluded ones with why, and those not yet scored (403 for stakeholders before review)', query: LimitSchema, success: ok('The ranking the caller may see.', Ranking) });

/** GET /api/v1/evaluations/:id/ranking — vendors ranked by weighted score, with the excluded ones and why. */
export const rankingApi = apiRouter('Ranking').openapi(read, async (c) => {
  const { limit, method, costFormula, weights } = c.req.valid('query');
  const a = c.var.actor;
  const inputs = whatIfInputs(await loadRankingInputs(c.get('db'), a), { costFormula, weights });
  const structure = await structureChanges(c.get('db'), a.evaluation.id);
  const extras: RankingAnswerExtras = {
    whatIf: costFormula !== undefined || weights !== undefined,
    withdrawn: structure.withdrawn.map((v) => ({ vendorId: v.vendorId, name: v.name, reason: v.reason })),
    weightChanges: structure.weightChanges,
  };
  const other = method === 'topsis' || method === 'value-for-money' ? method : undefined;
  // A big weighted-sum answer is ranked and written to bytes in a pool thread (issue 15, promise 1):
  // the loop only sends them, with no row objects of its own to build or collect.
  if (other === undefined && poolEnabled() && Math.min(limit ?? Infinity, inputs.vendors.length) > BIG_ANSWER_ROWS) {
    return c.body(await rankingAnswerOffLoop(a, inputs, limit, extras), 200, { 'content-type': 'application/json' }) as never;
  }
  // TOPSIS and value for money order every ranked vendor, so the weighted sum is taken whole.
  const ranked = await rankOffLoop(a, inputs, undefined, { limit: other ? undefined : limit });
  const rows = other === 'topsis'
    ? (await topsisOffLoop(a, inputs)).map((r) => ({ rank: r.rank, vendorId: r.vendorId, name: r.name, total: r.total, coverage: r.coverage, provisional: r.provisional, breakdown: {}, closeness: r.closeness }))
    : other === 'value-for-money'
      ? valueForMoneyRows(inputs, ranked, weightedRow)
      : ranked.result.rows.map(weightedRow);
  const body = rankingAnswerBody(limit ? rows.slice(0, limit) : rows, other, inputs, ranked, extras);
  // A landscape's every row (3 MB of JSON) is written in steps when the pool is off, so nobody waits on its stringify.
  if (body.rows.length > BIG_ANSWER_ROWS) return c.body(jsonStream(body), 200, { 'content-type': 'application/json' }) as never;
  return c.json(body);
});
