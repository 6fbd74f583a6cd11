import { z } from '@hono/zod-openapi';
import { FeedbackSchema } from '../schemas/feedback.js';
import { feedbackSummary, giveFeedback } from '../services/feedback.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { EvaluationParams, READ_ERRORS, WRITE_ERRORS, errors, jsonBody, ok } from '../openapi/shapes.js';

const Saved = z.object({ vendorId: z.string(), nps: z.number(), csat: z.number().nullable(), ces: z.number().nullable(), comment: z.string().nullable() });

const give = apiRoute({
  access: 'feedback', method: 'put', path: '/', summary: 'Give (or replace) the caller’s feedback on one vendor’s demo',
  request: { params: EvaluationParams, body: jsonBody(FeedbackSchema) },
  responses: { 200: ok('The answer as saved.', Saved), ...errors(...WRITE_ERRORS) },
});
const summary = apiRoute({
  access: 'read', method: 'get', path: '/', summary: 'NPS, CSAT and CES per vendor',
  request: { params: EvaluationParams },
  responses: { 200: ok('`{vendors: {vendorId: {responses, nps, csat, ces}}}`: NPS = %promoters − %detractors, CSAT = % of answers 4–5, CES = mean.'), ...errors(...READ_ERRORS) },
});

/** /api/v1/evaluations/:id/feedback — demo feedback (NPS, CSAT, CES) per vendor; API.md "Feedback after demos". */
export const feedbackApi = apiRouter('Feedback')
  .openapi(give, async (c) => {
    const a = c.var.actor;
    const saved = await giveFeedback(c.get('db'), a, c.req.valid('json'));
    return c.json({ vendorId: String(saved.vendorId), nps: saved.nps, csat: saved.csat, ces: saved.ces, comment: saved.comment });
  })
  .openapi(summary, async (c) => {
    const { evaluation } = c.var.actor;
    return c.json({ vendors: await feedbackSummary(c.get('db'), evaluation.id) });
  });
