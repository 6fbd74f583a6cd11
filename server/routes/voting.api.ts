import { z } from '@hono/zod-openapi';
import { VotingSettingsSchema } from '../schemas/votes.js';
import { reopenVoting } from '../services/status.js';
import { setVotingSettings } from '../services/stakeholders.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { EvaluationParams, WRITE_ERRORS, errors, jsonBody, ok } from '../openapi/shapes.js';

const reopen = apiRoute({
  access: 'edit', method: 'post', path: '/reopen', summary: 'Reopen the vote while scoring (facilitator)',
  request: { params: EvaluationParams },
  responses: { 200: ok('`{status: "voting"}`.', z.object({ status: z.literal('voting') })), ...errors(401, 403, 404, 409) },
});
const settings = apiRoute({
  access: 'edit', method: 'put', path: '/settings', summary: 'How votes are cast and aggregated (facilitator)',
  request: { params: EvaluationParams, body: jsonBody(VotingSettingsSchema) },
  responses: { 200: ok('The settings as sent.', VotingSettingsSchema), ...errors(...WRITE_ERRORS) },
});

/** /api/v1/evaluations/:id/voting — how votes are cast and aggregated, and reopening the vote. */
export const votingApi = apiRouter('Voting')
  .openapi(reopen, async (c) => {
    const a = c.var.actor;
    await reopenVoting(c.get('db'), a);
    return c.json({ status: 'voting' });
  })
  .openapi(settings, async (c) => {
    const a = c.var.actor;
    await setVotingSettings(c.get('db'), a, c.req.valid('json'));
    return c.json(c.req.valid('json'));
  });
