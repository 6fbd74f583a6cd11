import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { ConsensusSchema } from '../schemas/panel.js';
import { accessEvaluation } from '../access.js';
import { agreementReport, setConsensus } from '../services/review.js';
import { forbidden } from '../errors.js';

/** /api/v1/evaluations/:id — consensus scores and evaluator agreement. */
export const apiReview = new Hono<AppEnv>()
  .put('/:id/consensus', apiValid('json', ConsensusSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const body = c.req.valid('json');
    await setConsensus(c.get('db'), a, body);
    return c.json(body);
  })
  .get('/:id/agreement', async (c) => {
    const a = await accessEvaluation(c, 'read');
    // Disagreement shown early makes panels converge out of politeness: only the facilitator sees it before review.
    if (a.role !== 'facilitator' && a.evaluation.status !== 'review' && a.evaluation.status !== 'decided') {
      throw forbidden('Evaluator agreement is shown to everyone once the evaluation is in review.');
    }
    return c.json(await agreementReport(c.get('db'), a.evaluation));
  });
