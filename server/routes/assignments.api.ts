import { AssignmentSchema } from '../schemas/panel.js';
import { addAssignment, removeAssignment } from '../services/panel-admin.js';
import { idParam } from './params.js';
import { apiRouter } from '../openapi/router.js';
import { CREATED, deleteRoute, writeRoute } from '../openapi/specs.js';

const add = writeRoute({ access: 'edit', method: 'post', summary: 'Assign an evaluator to vendors and/or criteria (facilitator)', body: AssignmentSchema, status: 201, success: CREATED });
const remove = deleteRoute({ access: 'edit', path: '/{assignmentId}', summary: 'Remove an assignment (facilitator)' });

/** /api/v1/evaluations/:id/assignments — which evaluator scores which vendors or criteria. */
export const assignmentsApi = apiRouter('Assignments')
  .openapi(add, async (c) => c.json({ id: String(await addAssignment(c.get('db'), c.var.actor, c.req.valid('json'))) }, 201))
  .openapi(remove, async (c) => {
    await removeAssignment(c.get('db'), c.var.actor, idParam(c, 'assignmentId', 'assignment'));
    return c.body(null, 204);
  });
