import { AssignmentSchema } from '../schemas/panel.js';
import { addAssignment, removeAssignment } from '../services/panel-admin.js';
import { idParam } from './params.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { CreatedId, EvaluationParams, NO_CONTENT, WRITE_ERRORS, errors, jsonBody, ok, pathParams } from '../openapi/shapes.js';

const add = apiRoute({
  access: 'edit', method: 'post', path: '/', summary: 'Assign an evaluator to vendors and/or criteria (facilitator)',
  request: { params: EvaluationParams, body: jsonBody(AssignmentSchema) },
  responses: { 201: ok('Created.', CreatedId), ...errors(...WRITE_ERRORS) },
});
const remove = apiRoute({
  access: 'edit', method: 'delete', path: '/{assignmentId}', summary: 'Remove an assignment (facilitator)',
  request: { params: pathParams('id', 'assignmentId') },
  responses: { 204: NO_CONTENT, ...errors(...WRITE_ERRORS) },
});

/** /api/v1/evaluations/:id/assignments — which evaluator scores which vendors or criteria. */
export const assignmentsApi = apiRouter('Assignments')
  .openapi(add, async (c) => {
    const a = c.var.actor;
    return c.json({ id: String(await addAssignment(c.get('db'), a, c.req.valid('json'))) }, 201);
  })
  .openapi(remove, async (c) => {
    const a = c.var.actor;
    await removeAssignment(c.get('db'), a, idParam(c, 'assignmentId', 'The assignment'));
    return c.body(null, 204);
  });
