import { ExclusionSchema } from '../schemas/panel.js';
import { excludeEvaluator, liftExclusion } from '../services/panel-admin.js';
import { idParam } from './params.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { deleteRoute, writeRoute } from '../openapi/specs.js';

const add = writeRoute({
  access: 'edit', method: 'post', summary: 'Keep an evaluator with a conflict away from one vendor (facilitator)', body: ExclusionSchema, status: 201, success: ok('The exclusion as saved.', ExclusionSchema),
});
const lift = deleteRoute({ access: 'edit', path: '/{userId}/{vendorId}', summary: 'Lift an exclusion (facilitator)' });

/** /api/v1/evaluations/:id/exclusions — keeping an evaluator with a conflict away from one vendor. */
export const exclusionsApi = apiRouter('Exclusions')
  .openapi(add, async (c) => {
    await excludeEvaluator(c.get('db'), c.var.actor, c.req.valid('json'));
    return c.json(c.req.valid('json'), 201);
  })
  .openapi(lift, async (c) => {
    await liftExclusion(c.get('db'), c.var.actor, idParam(c, 'userId', 'exclusion'), idParam(c, 'vendorId', 'exclusion'));
    return c.body(null, 204);
  });
