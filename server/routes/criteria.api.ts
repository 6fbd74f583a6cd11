import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { CriterionPatchSchema, NewCriterionSchema } from '../schemas/criteria.js';
import { accessEvaluation } from '../access.js';
import { addCriterion, deleteCriterion, updateCriterion } from '../services/criteria.js';
import { loadWeights } from '../services/weights.js';
import { idParam } from './params.js';

/** /api/v1/evaluations/:id/criteria — the criteria tree with each node's global weight. */
export const criteriaApi = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { evaluation } = await accessEvaluation(c, 'read');
    const { nodes, resolved } = await loadWeights(c.get('db'), evaluation.id);
    return c.json({
      criteria: nodes.map((n) => ({ id: n.id, name: n.name, parentId: n.parentId, kind: n.kind, weight: resolved.global.get(n.id) ?? 0 })),
    });
  })
  .post('/', apiValid('json', NewCriterionSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const id = await addCriterion(c.get('db'), a, c.req.valid('json'));
    return c.json({ id: String(id) }, 201);
  })
  .patch('/:criterionId', apiValid('json', CriterionPatchSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const id = idParam(c, 'criterionId', 'The criterion');
    await updateCriterion(c.get('db'), a, id, c.req.valid('json'));
    return c.json({ id: String(id) });
  })
  .delete('/:criterionId', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await deleteCriterion(c.get('db'), a, idParam(c, 'criterionId', 'The criterion'));
    return c.body(null, 204);
  });
