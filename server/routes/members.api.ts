import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { NewMemberSchema } from '../schemas/members.js';
import { accessEvaluation } from '../access.js';
import { addMember } from '../services/members.js';
import { removeMember } from '../services/panel-admin.js';
import { idParam } from './params.js';

/** /api/v1/evaluations/:id/members — adding people to the panel and removing them. */
export const membersApi = new Hono<AppEnv>()
  .post('/', apiValid('json', NewMemberSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const body = c.req.valid('json');
    const { userId } = await addMember(c.get('db'), a, body);
    return c.json({ userId: String(userId), role: body.role, ...(body.group ? { group: body.group } : {}) }, 201);
  })
  .delete('/:userId', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await removeMember(c.get('db'), a, idParam(c, 'userId', 'The member'));
    return c.body(null, 204);
  });
