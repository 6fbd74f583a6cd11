import { z } from '@hono/zod-openapi';
import type { Evaluation } from '../../db/schema.js';
import { NewEvaluationSchema } from '../schemas/evaluations.js';
import { StatusSchema } from '../schemas/votes.js';
import { createEvaluation } from '../services/evaluations.js';
import { changeStatus } from '../services/status.js';
import { forbidden } from '../errors.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { errors, jsonBody, ok } from '../openapi/shapes.js';
import { readRoute, writeRoute } from '../openapi/specs.js';
import { m } from '../../views/messages/index.js';

/** An evaluation as API.md shows it. */
export const evaluationJson = (e: Evaluation) => ({
  id: String(e.id), name: e.name, status: e.status, scale: { min: e.scale_min, max: e.scale_max }, createdAt: e.created_at,
});

const EvaluationOut = z
  .object({
    id: z.string(), name: z.string(), status: StatusSchema.shape.status, scale: z.object({ min: z.number(), max: z.number() }),
    createdAt: z.string().openapi({ description: 'ISO-8601 UTC; left out of the creation answer.' }).optional(),
  })
  .openapi('Evaluation');

const create = apiRoute({
  method: 'post', path: '/', summary: 'Create an evaluation (the caller becomes its facilitator)',
  request: { body: jsonBody(NewEvaluationSchema) },
  responses: { 201: ok('Created.', EvaluationOut), ...errors(400, 401, 403) },
});
const read = readRoute({ access: 'read', path: '/{id}', summary: 'One evaluation', success: ok('The evaluation.', EvaluationOut) });
const status = writeRoute({
  access: 'edit', method: 'post', path: '/{id}/status', summary: 'Move the evaluation to its next status (facilitator); 409 `precondition_failed` names what is missing', body: StatusSchema,
  success: ok('The new status, and the weight-set version now in force.', z.object({ status: StatusSchema.shape.status, weightSetVersion: z.number().nullable() })),
});

/** /api/v1/evaluations — creating an evaluation, reading one, and moving it through its lifecycle. */
export const evaluationsApi = apiRouter('Evaluations')
  .openapi(create, async (c) => {
    const user = c.get('user')!;
    if (user.teamId === null) throw forbidden(m.errors.teamOnly);
    const e = await createEvaluation(c.get('db'), { id: user.id, teamId: user.teamId }, c.req.valid('json'));
    const { createdAt: _, ...body } = evaluationJson(e);
    return c.json(body, 201);
  })
  .openapi(read, (c) => c.json(evaluationJson(c.var.actor.evaluation)))
  .openapi(status, async (c) => {
    const { status: to, force } = c.req.valid('json');
    return c.json(await changeStatus(c.get('db'), c.var.actor, to, { force: force === true }));
  });
