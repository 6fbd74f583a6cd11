import { z } from '@hono/zod-openapi';
import { agreementReport } from '../services/review.js';
import { forbidden } from '../errors.js';
import { visibilityOf } from '../read-models/visibility.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { EvaluationParams, READ_ERRORS, errors, ok } from '../openapi/shapes.js';

const Agreement = z.object({
  kendallW: z.record(z.string(), z.number().nullable()).openapi({ description: 'Criterion id → Kendall’s W (0 = no agreement, 1 = full).' }),
  disagreements: z.array(z.object({ vendorId: z.string(), criterionId: z.string(), spread: z.number() })),
});

const read = apiRoute({
  access: 'read', method: 'get', path: '/', summary: 'How far the evaluators agree (facilitator; everyone from review on)',
  request: { params: EvaluationParams },
  responses: { 200: ok('Kendall’s W per criterion and the cells where scores spread most.', Agreement), ...errors(...READ_ERRORS) },
});

/** GET /api/v1/evaluations/:id/agreement — how far the evaluators agree (Kendall's W, spread per cell). */
export const agreementApi = apiRouter('Agreement').openapi(read, async (c) => {
  const a = c.var.actor;
  // Disagreement shown early makes panels converge out of politeness: it is others' scores (domain/rules/visibility.ts).
  if (!(await visibilityOf(c.get('db'), a)).othersScores) {
    throw forbidden('Evaluator agreement is shown to everyone once the evaluation is in review.');
  }
  return c.json(await agreementReport(c.get('db'), a.evaluation));
});
