import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { FeedbackSchema } from '../schemas/feedback.js';
import { accessEvaluation } from '../access.js';
import { feedbackSummary, giveFeedback } from '../services/feedback.js';

/** /api/v1/evaluations/:id/feedback — demo feedback (NPS, CSAT, CES) per vendor; API.md "Feedback after demos". */
export const feedbackApi = new Hono<AppEnv>()
  .put('/', apiValid('json', FeedbackSchema), async (c) => {
    const a = await accessEvaluation(c, 'feedback');
    const saved = await giveFeedback(c.get('db'), a, c.req.valid('json'));
    return c.json({ vendorId: String(saved.vendorId), nps: saved.nps, csat: saved.csat, ces: saved.ces, comment: saved.comment });
  })
  .get('/', async (c) => {
    const { evaluation } = await accessEvaluation(c, 'read');
    return c.json({ vendors: await feedbackSummary(c.get('db'), evaluation.id) });
  });
