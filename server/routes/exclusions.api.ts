import { ExclusionSchema } from '../schemas/panel.js';
import { excludeEvaluator, liftExclusion } from '../services/panel-admin.js';
import { idParam } from './params.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { EvaluationParams, NO_CONTENT, WRITE_ERRORS, errors, jsonBody, ok, pathParams } from '../openapi/shapes.js';

const add = apiRoute({
  access: 'edit', method: 'post', path: '/', summary: 'Keep an evaluator with a conflict away from one vendor (facilitator)',
  request: { params: EvaluationParams, body: jsonBody(ExclusionSchema) },
  responses: { 201: ok('The exclusion as saved.', ExclusionSchema), ...errors(...WRITE_ERRORS) },
});
const lift = apiRoute({
  access: 'edit', method: 'delete', path: '/{userId}/{vendorId}', summary: 'Lift an exclusion (facilitator)',
  request: { params: pathParams('id', 'userId', 'vendorId') },
  responses: { 204: NO_CONTENT, ...errors(...WRITE_ERRORS) },
});

/** /api/v1/evaluations/:id/exclusions — keeping an evaluator with a conflict away from one vendor. */
export const exclusionsApi = apiRouter('Exclusions')
  .openapi(add, async (c) => {
    const a = c.var.actor;
    await excludeEvaluator(c.get('db'), a, c.req.valid('json'));
    return c.json(c.req.valid('json'), 201);
  })
  .openapi(lift, async (c) => {
    const a = c.var.actor;
    await liftExclusion(c.get('db'), a, idParam(c, 'userId', 'The exclusion'), idParam(c, 'vendorId', 'The exclusion'));
    return c.body(null, 204);
  });
