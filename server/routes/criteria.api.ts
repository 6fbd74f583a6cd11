import { z } from '@hono/zod-openapi';
import { CriterionPatchSchema, NewCriterionSchema } from '../schemas/criteria.js';
import { addCriterion, deleteCriterion, updateCriterion } from '../services/criteria.js';
import { loadWeights } from '../services/weights.js';
import { idParam } from './params.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { CreatedId, EvaluationParams, NO_CONTENT, READ_ERRORS, WRITE_ERRORS, errors, jsonBody, ok, pathParams } from '../openapi/shapes.js';

const CriteriaList = z.object({
  criteria: z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable(), kind: z.enum(['scored', 'must-have', 'cost']), weight: z.number() })),
});
const CriterionParams = pathParams('id', 'criterionId');

const list = apiRoute({
  access: 'read', method: 'get', path: '/', summary: 'The criteria tree, each node with its global weight',
  request: { params: EvaluationParams },
  responses: { 200: ok('Every criterion, parents before their children.', CriteriaList), ...errors(...READ_ERRORS) },
});
const add = apiRoute({
  access: 'edit', method: 'post', path: '/', summary: 'Add a criterion (facilitator)',
  request: { params: EvaluationParams, body: jsonBody(NewCriterionSchema) },
  responses: { 201: ok('Created.', CreatedId), ...errors(...WRITE_ERRORS) },
});
const patch = apiRoute({
  access: 'edit', method: 'patch', path: '/{criterionId}', summary: 'Change a criterion (facilitator)',
  request: { params: CriterionParams, body: jsonBody(CriterionPatchSchema) },
  responses: { 200: ok('Changed.', CreatedId), ...errors(...WRITE_ERRORS) },
});
const remove = apiRoute({
  access: 'edit', method: 'delete', path: '/{criterionId}', summary: 'Delete a criterion and its sub-criteria (facilitator)',
  request: { params: CriterionParams },
  responses: { 204: NO_CONTENT, ...errors(...WRITE_ERRORS) },
});

/** /api/v1/evaluations/:id/criteria — the criteria tree with each node's global weight. */
export const criteriaApi = apiRouter('Criteria')
  .openapi(list, async (c) => {
    const { evaluation } = c.var.actor;
    const { nodes, resolved } = await loadWeights(c.get('db'), evaluation.id);
    return c.json({
      criteria: nodes.map((n) => ({ id: n.id, name: n.name, parentId: n.parentId, kind: n.kind, weight: resolved.global.get(n.id) ?? 0 })),
    });
  })
  .openapi(add, async (c) => {
    const a = c.var.actor;
    const id = await addCriterion(c.get('db'), a, c.req.valid('json'));
    return c.json({ id: String(id) }, 201);
  })
  .openapi(patch, async (c) => {
    const a = c.var.actor;
    const id = idParam(c, 'criterionId', 'The criterion');
    await updateCriterion(c.get('db'), a, id, c.req.valid('json'));
    return c.json({ id: String(id) });
  })
  .openapi(remove, async (c) => {
    const a = c.var.actor;
    await deleteCriterion(c.get('db'), a, idParam(c, 'criterionId', 'The criterion'));
    return c.body(null, 204);
  });
