import { z } from '@hono/zod-openapi';
import { loadWorking } from '../read-models/working.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute } from '../openapi/specs.js';
import { idParam } from './params.js';

const Working = z.object({
  vendorId: z.string(), name: z.string(),
  total: z.number().openapi({ description: "0–100: the ranking's total for the vendor; the lines' contributions sum to it." }),
  coverage: z.number().openapi({ description: '0–1: the weight share with a value.' }),
  view: z.enum(['own', 'team']).openapi({ description: 'Whose scores the working comes from, as for the ranking.' }),
  scale: z.object({ min: z.number(), max: z.number() }),
  lowestPrice: z.number().nullable().openapi({ description: 'The lowest price among the ranked vendors: a cost line normalises as lowestPrice ÷ price.' }),
  lines: z.array(z.object({
    criterionId: z.string(), path: z.array(z.string()).openapi({ description: 'Criterion names from the top level down to this leaf.' }),
    kind: z.enum(['scored', 'cost']),
    weight: z.number().openapi({ description: 'The leaf weight (leaf weights sum to 1).' }),
    scores: z.array(z.object({ evaluatorId: z.string(), value: z.number().nullable() })).openapi({ description: 'The counted scores (null = N/A); the caller’s own alone while they score blind.' }),
    mean: z.number().nullable().openapi({ description: 'The mean of the scores given (N/A left out).' }),
    consensus: z.object({ value: z.number(), rationale: z.string() }).optional().openapi({ description: 'Present when the facilitator’s consensus replaced the mean.' }),
    value: z.number().nullable().openapi({ description: 'What was ranked: the consensus, else the mean; the price on a cost line; null when none.' }),
    normalised: z.number().nullable().openapi({ description: '0–1: (value − scale min) ÷ (scale max − scale min), or lowestPrice ÷ price on a cost line.' }),
    contribution: z.number().openapi({ description: '100 × weight × normalised (0 without a value).' }),
  })),
});

const read = readRoute({
  access: 'read', path: '/{vendorId}/working',
  summary: "How a vendor's total is computed, line by line (same visibility as the ranking; 404 `not_ranked` for a vendor the ranking does not rank)",
  success: ok("The vendor's working.", Working),
});

/** GET /api/v1/evaluations/:id/vendors/:vendorId/working — every leaf's weight, scores, value, normalisation and contribution. */
export const workingApi = apiRouter('Ranking').openapi(read, async (c) => {
  const w = await loadWorking(c.get('db'), c.var.actor, idParam(c, 'vendorId', 'vendor'));
  return c.json({
    vendorId: w.vendorId, name: w.name, total: w.total, coverage: w.coverage, view: w.view, scale: w.scale, lowestPrice: w.lowestPrice,
    lines: w.lines.map((l) => ({
      criterionId: l.criterionId, path: l.path, kind: l.kind, weight: l.weight,
      scores: l.scores.map((s) => ({ evaluatorId: s.evaluatorId, value: s.value })), mean: l.mean,
      ...(l.consensusOf ? { consensus: l.consensusOf } : {}),
      value: l.value, normalised: l.normalised, contribution: l.contribution,
    })),
  });
});
