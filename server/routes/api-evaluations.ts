import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import type { Evaluation } from '../../db/schema.js';
import { apiValid } from '../validation.js';
import { NewEvaluationSchema } from '../schemas/evaluations.js';
import { createEvaluation } from '../services/evaluations.js';
import { accessEvaluation } from '../access.js';
import { forbidden } from '../errors.js';
import { NewMemberSchema } from '../schemas/members.js';
import { addMember } from '../services/members.js';

/** An evaluation as API.md shows it. */
export const evaluationJson = (e: Evaluation) => ({
  id: String(e.id), name: e.name, status: e.status, scale: { min: e.scale_min, max: e.scale_max }, createdAt: e.created_at,
});

/** /api/v1/evaluations — creating and reading evaluations. */
export const apiEvaluations = new Hono<AppEnv>()
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
  .post('/:id/members', apiValid('json', NewMemberSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const body = c.req.valid('json');
    const { userId } = await addMember(c.get('db'), a, body);
    return c.json({ userId: String(userId), role: body.role, ...(body.group ? { group: body.group } : {}) }, 201);
  });
