import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { CriterionPatchSchema, NewCriterionSchema, WeightsSchema } from '../schemas/criteria.js';
import { accessEvaluation } from '../access.js';
import { addCriterion, deleteCriterion, updateCriterion } from '../services/criteria.js';
import { loadWeights, setWeights } from '../services/weights.js';
import { parseId } from '../ids.js';
import { notFound } from '../errors.js';

/** /api/v1/evaluations/:id/criteria and /weights. */
export const apiCriteria = new Hono<AppEnv>()
  .get('/:id/criteria', async (c) => {
    const { evaluation } = await accessEvaluation(c, 'read');
    const { nodes, resolved } = await loadWeights(c.get('db'), evaluation.id);
    return c.json({
      criteria: nodes.map((n) => ({ id: n.id, name: n.name, parentId: n.parentId, kind: n.kind, weight: resolved.global.get(n.id) ?? 0 })),
    });
  })
  .post('/:id/criteria', apiValid('json', NewCriterionSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const id = await addCriterion(c.get('db'), a, c.req.valid('json'));
    return c.json({ id: String(id) }, 201);
  })
  .patch('/:id/criteria/:criterionId', apiValid('json', CriterionPatchSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const id = parseId(c.req.param('criterionId'));
    if (id === null) throw notFound('The criterion');
    await updateCriterion(c.get('db'), a, id, c.req.valid('json'));
    return c.json({ id: String(id) });
  })
  .delete('/:id/criteria/:criterionId', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const id = parseId(c.req.param('criterionId'));
    if (id === null) throw notFound('The criterion');
    await deleteCriterion(c.get('db'), a, id);
    return c.body(null, 204);
  })
  .put('/:id/weights', apiValid('json', WeightsSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const { version, resolved } = await setWeights(c.get('db'), a, c.req.valid('json').weights);
    return c.json({ version, weights: Object.fromEntries(resolved.global) });
  });
