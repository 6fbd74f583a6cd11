import { z } from '@hono/zod-openapi';
import { GroupSchema } from '../schemas/votes.js';
import { addGroup, setGroupWeights } from '../services/stakeholders.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { CreatedId, EvaluationParams, WRITE_ERRORS, errors, jsonBody, ok } from '../openapi/shapes.js';

const GroupWeights = z.object({ weights: z.record(z.string(), z.number().finite().min(0).max(1000)).openapi({ description: 'Group id → how much its vote counts.' }) });

const add = apiRoute({
  access: 'edit', method: 'post', path: '/', summary: 'Add a stakeholder group (facilitator)',
  request: { params: EvaluationParams, body: jsonBody(GroupSchema) },
  responses: { 201: ok('Created.', CreatedId), ...errors(...WRITE_ERRORS) },
});
const weights = apiRoute({
  access: 'edit', method: 'put', path: '/weights', summary: 'Set how much each group’s vote counts (facilitator)',
  request: { params: EvaluationParams, body: jsonBody(GroupWeights) },
  responses: { 200: ok('Saved: `{ok: true}`.', z.object({ ok: z.literal(true) })), ...errors(...WRITE_ERRORS) },
});

/** /api/v1/evaluations/:id/groups — stakeholder groups and how much each group's vote counts. */
export const groupsApi = apiRouter('Stakeholder groups')
  .openapi(add, async (c) => {
    const a = c.var.actor;
    const { name, weight } = c.req.valid('json');
    return c.json({ id: String(await addGroup(c.get('db'), a, name, weight)) }, 201);
  })
  .openapi(weights, async (c) => {
    const a = c.var.actor;
    await setGroupWeights(c.get('db'), a, c.req.valid('json').weights);
    return c.json({ ok: true });
  });
