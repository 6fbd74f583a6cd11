import { z } from '@hono/zod-openapi';
import { CriterionPatchSchema, NewCriterionSchema } from '../schemas/criteria.js';
import { addCriterion, deleteCriterion, updateCriterion } from '../services/criteria.js';
import { loadWeights } from '../read-models/weights.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute } from '../openapi/specs.js';
import { withItemWrites } from './item-writes.js';

const CriteriaList = z.object({
  criteria: z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable(), kind: z.enum(['scored', 'must-have', 'cost']), weight: z.number() })),
});

const list = readRoute({ access: 'read', summary: 'The criteria tree, each node with its global weight', success: ok('Every criterion, parents before their children.', CriteriaList) });

/** /api/v1/evaluations/:id/criteria — the criteria tree with each node's global weight. */
export const criteriaApi = withItemWrites(
  apiRouter('Criteria').openapi(list, async (c) => {
    const { nodes, resolved } = await loadWeights(c.get('db'), c.var.actor.evaluation.id);
    return c.json({
      criteria: nodes.map((n) => ({ id: n.id, name: n.name, parentId: n.parentId, kind: n.kind, weight: resolved.global.get(n.id) ?? 0 })),
    });
  }),
  {
    param: 'criterionId', what: 'criterion',
    add: { summary: 'Add a criterion (facilitator)', body: NewCriterionSchema, save: addCriterion },
    patch: { summary: 'Change a criterion (facilitator)', body: CriterionPatchSchema, save: updateCriterion },
    remove: { summary: 'Delete a criterion and its sub-criteria (facilitator)', save: deleteCriterion },
  },
);
