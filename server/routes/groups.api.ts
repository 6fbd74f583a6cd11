import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { GroupSchema } from '../schemas/votes.js';
import { accessEvaluation } from '../access.js';
import { addGroup, setGroupWeights } from '../services/stakeholders.js';

/** /api/v1/evaluations/:id/groups — stakeholder groups and how much each group's vote counts. */
export const groupsApi = new Hono<AppEnv>()
  .post('/', apiValid('json', GroupSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const { name, weight } = c.req.valid('json');
    return c.json({ id: String(await addGroup(c.get('db'), a, name, weight)) }, 201);
  })
  .put('/weights', apiValid('json', z.object({ weights: z.record(z.string(), z.number().finite().min(0).max(1000)) })), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await setGroupWeights(c.get('db'), a, c.req.valid('json').weights);
    return c.json({ ok: true });
  });
