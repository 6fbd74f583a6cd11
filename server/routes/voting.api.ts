import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { VotingSettingsSchema } from '../schemas/votes.js';
import { accessEvaluation } from '../access.js';
import { reopenVoting } from '../services/status.js';
import { setVotingSettings } from '../services/stakeholders.js';

/** /api/v1/evaluations/:id/voting — how votes are cast and aggregated, and reopening the vote. */
export const votingApi = new Hono<AppEnv>()
  .post('/reopen', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await reopenVoting(c.get('db'), a);
    return c.json({ status: 'voting' });
  })
  .put('/settings', apiValid('json', VotingSettingsSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await setVotingSettings(c.get('db'), a, c.req.valid('json'));
    return c.json(c.req.valid('json'));
  });
