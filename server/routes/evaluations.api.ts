import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import type { Evaluation } from '../../db/schema.js';
import { apiValid } from '../validation.js';
import { NewEvaluationSchema } from '../schemas/evaluations.js';
import { StatusSchema } from '../schemas/votes.js';
import { createEvaluation } from '../services/evaluations.js';
import { changeStatus } from '../services/status.js';
import { accessEvaluation } from '../access.js';
import { forbidden } from '../errors.js';

/** An evaluation as API.md shows it. */
export const evaluationJson = (e: Evaluation) => ({
  id: String(e.id), name: e.name, status: e.status, scale: { min: e.scale_min, max: e.scale_max }, createdAt: e.created_at,
});

/** /api/v1/evaluations — creating an evaluation, reading one, and moving it through its lifecycle. */
export const evaluationsApi = new Hono<AppEnv>()
  .post('/', apiValid('json', NewEvaluationSchema), async (c) => {
    const user = c.get('user')!;
    if (user.teamId === null) throw forbidden('Only members of a team can create evaluations.');
    const e = await createEvaluation(c.get('db'), { id: user.id, teamId: user.teamId }, c.req.valid('json'));
    const { createdAt: _, ...body } = evaluationJson(e);
    return c.json(body, 201);
  })
  .get('/:id', async (c) => {
    const { evaluation } = await accessEvaluation(c, 'read');
    return c.json(evaluationJson(evaluation));
  })
  .post('/:id/status', apiValid('json', StatusSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    return c.json(await changeStatus(c.get('db'), a, c.req.valid('json').status));
  });
