import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { accessEvaluation } from '../access.js';
import { agreementReport } from '../services/review.js';
import { forbidden } from '../errors.js';
import { visibilityOf } from '../read-models/visibility.js';

/** GET /api/v1/evaluations/:id/agreement — how far the evaluators agree (Kendall's W, spread per cell). */
export const agreementApi = new Hono<AppEnv>().get('/', async (c) => {
  const a = await accessEvaluation(c, 'read');
  // Disagreement shown early makes panels converge out of politeness: it is others' scores (domain/rules/visibility.ts).
  if (!(await visibilityOf(c.get('db'), a)).othersScores) {
    throw forbidden('Evaluator agreement is shown to everyone once the evaluation is in review.');
  }
  return c.json(await agreementReport(c.get('db'), a.evaluation));
});
