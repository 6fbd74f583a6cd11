import { z } from '@hono/zod-openapi';
import { VotingSettingsSchema } from '../schemas/votes.js';
import { reopenVoting } from '../services/status.js';
import { setVotingSettings } from '../services/stakeholders.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { actionRoute, writeRoute } from '../openapi/specs.js';

const reopen = actionRoute({ access: 'edit', path: '/reopen', summary: 'Reopen the vote while scoring (facilitator)', success: ok('`{status: "voting"}`.', z.object({ status: z.literal('voting') })) });
const settings = writeRoute({
  access: 'edit', method: 'put', path: '/settings', summary: 'How votes are cast and aggregated (facilitator)', body: VotingSettingsSchema, success: ok('The settings as sent.', VotingSettingsSchema),
});

/** /api/v1/evaluations/:id/voting — how votes are cast and aggregated, and reopening the vote. */
export const votingApi = apiRouter('Voting')
  .openapi(reopen, async (c) => {
    await reopenVoting(c.get('db'), c.var.actor);
    return c.json({ status: 'voting' });
  })
  .openapi(settings, async (c) => {
    await setVotingSettings(c.get('db'), c.var.actor, c.req.valid('json'));
    return c.json(c.req.valid('json'));
  });
