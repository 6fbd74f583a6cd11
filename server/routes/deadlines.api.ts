import { z } from '@hono/zod-openapi';
import { DeadlinesSchema } from '../schemas/deadlines.js';
import { setDeadlines } from '../services/deadlines.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { writeRoute } from '../openapi/specs.js';

const put = writeRoute({
  access: 'edit', method: 'put', summary: 'Set the voting and scoring deadlines (facilitator): ISO-8601 with a zone, null clears; members who have not voted or submitted are reminded by e-mail 48 h and 4 h before',
  body: DeadlinesSchema, success: ok('The deadlines in force, UTC.', z.object({ voting: z.string().nullable(), scoring: z.string().nullable() })),
});

/** /api/v1/evaluations/:id/deadlines — when voting and scoring should end. */
export const deadlinesApi = apiRouter('Deadlines').openapi(put, async (c) => c.json(await setDeadlines(c.get('db'), c.var.actor, c.req.valid('json'))));
