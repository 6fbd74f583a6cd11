import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { AssignmentSchema } from '../schemas/panel.js';
import { accessEvaluation } from '../access.js';
import { addAssignment, removeAssignment } from '../services/panel-admin.js';
import { idParam } from './params.js';

/** /api/v1/evaluations/:id/assignments — which evaluator scores which vendors or criteria. */
export const assignmentsApi = new Hono<AppEnv>()
  .post('/', apiValid('json', AssignmentSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    return c.json({ id: String(await addAssignment(c.get('db'), a, c.req.valid('json'))) }, 201);
  })
  .delete('/:assignmentId', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await removeAssignment(c.get('db'), a, idParam(c, 'assignmentId', 'The assignment'));
    return c.body(null, 204);
  });
