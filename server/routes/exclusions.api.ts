import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { ExclusionSchema } from '../schemas/panel.js';
import { accessEvaluation } from '../access.js';
import { excludeEvaluator, liftExclusion } from '../services/panel-admin.js';
import { idParam } from './params.js';

/** /api/v1/evaluations/:id/exclusions — keeping an evaluator with a conflict away from one vendor. */
export const exclusionsApi = new Hono<AppEnv>()
  .post('/', apiValid('json', ExclusionSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await excludeEvaluator(c.get('db'), a, c.req.valid('json'));
    return c.json(c.req.valid('json'), 201);
  })
  .delete('/:userId/:vendorId', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await liftExclusion(c.get('db'), a, idParam(c, 'userId', 'The exclusion'), idParam(c, 'vendorId', 'The exclusion'));
    return c.body(null, 204);
  });
