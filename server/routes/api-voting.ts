import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { GroupSchema, InviteSchema, StatusSchema, VoteSchema, VotingSettingsSchema } from '../schemas/votes.js';
import { accessEvaluation } from '../access.js';
import { castVote, voteAggregate } from '../services/voting.js';
import { changeStatus, reopenVoting } from '../services/status.js';
import { addGroup, inviteStakeholder, revokeInvite, setGroupWeights, setVotingSettings } from '../services/stakeholders.js';
import { parseId } from '../ids.js';
import { notFound } from '../errors.js';
import { z } from 'zod';

/** A personal voting link on this server's own origin. */
export const inviteLink = (requestUrl: string, token: string) => `${new URL(requestUrl).origin}/invite/${token}`;

/** /api/v1/evaluations/:id — votes, the weights they make, the lifecycle, and who votes. */
export const apiVoting = new Hono<AppEnv>()
  .put('/:id/votes/me', apiValid('json', VoteSchema), async (c) => {
    const a = await accessEvaluation(c, 'vote');
    const r = await castVote(c.get('db'), a, c.req.valid('json'));
    return c.json({ weights: r.weights, ...(r.consistencyRatio !== undefined ? { consistencyRatio: r.consistencyRatio } : {}) });
  })
  .get('/:id/weights', async (c) => {
    const { evaluation } = await accessEvaluation(c, 'read');
    const agg = await voteAggregate(c.get('db'), evaluation);
    return c.json({
      weights: agg.weights, votes: agg.counted, aggregation: agg.aggregation, ahp: agg.ahpMode, dispersion: agg.dispersion, consensus: agg.consensus,
      groups: agg.groups.map((g) => ({ id: g.id, name: g.name, weight: g.weight, votes: g.votes, weights: g.weights })),
    });
  })
  .post('/:id/status', apiValid('json', StatusSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    return c.json(await changeStatus(c.get('db'), a, c.req.valid('json').status));
  })
  .post('/:id/voting/reopen', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await reopenVoting(c.get('db'), a);
    return c.json({ status: 'voting' });
  })
  .put('/:id/voting/settings', apiValid('json', VotingSettingsSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await setVotingSettings(c.get('db'), a, c.req.valid('json'));
    return c.json(c.req.valid('json'));
  })
  .post('/:id/groups', apiValid('json', GroupSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const { name, weight } = c.req.valid('json');
    return c.json({ id: String(await addGroup(c.get('db'), a, name, weight)) }, 201);
  })
  .put('/:id/groups/weights', apiValid('json', z.object({ weights: z.record(z.string(), z.number().finite().min(0).max(1000)) })), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await setGroupWeights(c.get('db'), a, c.req.valid('json').weights);
    return c.json({ ok: true });
  })
  .post('/:id/invites', apiValid('json', InviteSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const body = c.req.valid('json');
    let groupId: number | null = null;
    if (body.group) {
      const g = await c.get('db').selectFrom('stakeholder_groups').select('id').where('evaluation_id', '=', a.evaluation.id).where('name', '=', body.group).executeTakeFirst();
      if (!g) throw notFound('The stakeholder group');
      groupId = g.id;
    }
    const inv = await inviteStakeholder(c.get('db'), a, { email: body.email, name: body.name, groupId });
    return c.json({ inviteId: String(inv.inviteId), userId: String(inv.userId), link: inviteLink(c.req.url, inv.token) }, 201);
  })
  .delete('/:id/invites/:inviteId', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    const id = parseId(c.req.param('inviteId'));
    if (id === null) throw notFound('The invitation');
    await revokeInvite(c.get('db'), a, id);
    return c.body(null, 204);
  });
