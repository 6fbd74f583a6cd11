import { z } from '@hono/zod-openapi';
import { FeedbackSchema } from '../schemas/feedback.js';
import { giveFeedback } from '../services/feedback.js';
import { feedbackSummary } from '../read-models/feedback.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute, writeRoute } from '../openapi/specs.js';

const Saved = z.object({ vendorId: z.string(), nps: z.number(), csat: z.number().nullable(), ces: z.number().nullable(), comment: z.string().nullable() });

const give = writeRoute({ access: 'feedback', method: 'put', summary: 'Give (or replace) the caller’s feedback on one vendor’s demo', body: FeedbackSchema, success: ok('The answer as saved.', Saved) });
const summary = readRoute({
  access: 'read', summary: 'NPS, CSAT and CES per vendor',
  success: ok('`{vendors: {vendorId: {responses, nps, csat, ces}}}`: NPS = %promoters − %detractors, CSAT = % of answers 4–5, CES = mean.'),
});

/** /api/v1/evaluations/:id/feedback — demo feedback (NPS, CSAT, CES) per vendor; API.md "Feedback after demos". */
export const feedbackApi = apiRouter('Feedback')
  .openapi(give, async (c) => {
    const saved = await giveFeedback(c.get('db'), c.var.actor, c.req.valid('json'));
    return c.json({ vendorId: String(saved.vendorId), nps: saved.nps, csat: saved.csat, ces: saved.ces, comment: saved.comment });
  })
  .openapi(summary, async (c) => c.json({ vendors: await feedbackSummary(c.get('db'), c.var.actor.evaluation.id) }));
