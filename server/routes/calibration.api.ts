import { z } from '@hono/zod-openapi';
import { calibrationReport } from '../read-models/calibration.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute } from '../openapi/specs.js';
import { m } from '../../views/messages/index.js';
import { BIG_ANSWER_ROWS, jsonStream } from '../json-in-steps.js';

const Query = z.object({
  limit: z.coerce.number().int().min(1, { error: () => m.validation.atLeast(1) }).max(100_000).optional().openapi({ description: 'Only the first `limit` rows of the check ranking (all by default).' }),
});

const Calibration = z.object({
  evaluators: z.array(z.object({
    evaluatorId: z.string(), name: z.string(),
    scores: z.number().int().openapi({ description: 'Values given on scored criteria (N/A, must-haves and prices left out).' }),
    mean: z.number(), sd: z.number().openapi({ description: 'Standard deviation of those values (population).' }),
    shared: z.number().int().openapi({ description: 'Values on cells at least one other evaluator scored.' }),
    leniency: z.number().nullable().openapi({ description: 'Mean offset from the cell’s panel mean on shared cells: above 0 scores higher than the panel. Null when nothing is shared.' }),
    offsetSd: z.number().nullable().openapi({ description: 'Standard deviation of those offsets (population). Null when nothing is shared.' }),
  })).openapi({ description: 'Most lenient first.' }),
  check: z.object({
    official: z.literal(false).openapi({ description: 'Always false: a check on the panel, never the ranking of record (GET /ranking).' }),
    method: z.literal('offset-corrected').openapi({ description: 'Each evaluator’s leniency taken off their scores, cell means kept on the scale; a consensus stands.' }),
    ranked: z.number().int(), moved: z.number().int().openapi({ description: 'Ranked vendors whose rank differs from the official one.' }),
    rows: z.array(z.object({
      vendorId: z.string(), name: z.string(), rank: z.number().int(), total: z.number(),
      officialRank: z.number().int().nullable(), officialTotal: z.number().nullable(),
    })),
  }),
});

const read = readRoute({
  access: 'read', query: Query,
  summary: 'Evaluator calibration: leniency and spread per evaluator, and a check ranking on offset-corrected scores (those who see every score)',
  success: ok('Each evaluator’s leniency and spread, and the check ranking beside the official one.', Calibration),
});

/** GET /api/v1/evaluations/:id/calibration — how each evaluator scores against the panel; the read model refuses blind readers (403). */
export const calibrationApi = apiRouter('Agreement').openapi(read, async (c) => {
  const r = await calibrationReport(c.get('db'), c.var.actor, { limit: c.req.valid('query').limit });
  const body = { evaluators: r.evaluators, check: { official: false as const, method: 'offset-corrected' as const, ...r.check } };
  // The landscape's check ranks 14,000 vendors (1.8 MB): written in steps, the same bytes (issue 15, promise 1).
  if (r.check.rows.length > BIG_ANSWER_ROWS) return c.body(jsonStream(body), 200, { 'content-type': 'application/json' }) as never;
  return c.json(body);
});
