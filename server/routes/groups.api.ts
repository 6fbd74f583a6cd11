import { z } from '@hono/zod-openapi';
import { GroupSchema } from '../schemas/votes.js';
import { addGroup, setGroupWeights } from '../services/stakeholders.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { CREATED, writeRoute } from '../openapi/specs.js';

const GroupWeights = z.object({ weights: z.record(z.string(), z.number().finite().min(0).max(1000)).openapi({ description: 'Group id → how much its vote counts.' }) });

const add = writeRoute({ access: 'edit', method: 'post', summary: 'Add a stakeholder group (facilitator)', body: GroupSchema, status: 201, success: CREATED });
const weights = writeRoute({
  access: 'edit', method: 'put', path: '/weights', summary: 'Set how much each group’s vote counts (facilitator)', body: GroupWeights, success: ok('Saved: `{ok: true}`.', z.object({ ok: z.literal(true) })),
});

/** /api/v1/evaluations/:id/groups — stakeholder groups and how much each group's vote counts. */
export const groupsApi = apiRouter('Stakeholder groups')
  .openapi(add, async (c) => {
    const { name, weight } = c.req.valid('json');
    return c.json({ id: String(await addGroup(c.get('db'), c.var.actor, name, weight)) }, 201);
  })
  .openapi(weights, async (c) => {
    await setGroupWeights(c.get('db'), c.var.actor, c.req.valid('json').weights);
    return c.json({ ok: true });
  });
