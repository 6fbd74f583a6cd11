import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { VotingPage } from '../../views/pages/voting.js';
import { VotingProgress } from '../../views/partials/voting-progress.js';
import { fragment, html } from '../../views/render.js';
import { evaluationPage, pageAccess, type EvaluationPage as Page, type PageEnv } from './page-access.js';
import { voteAggregate, type VoteMethod } from '../read-models/votes.js';
import { changeStatus, reopenVoting } from '../services/status.js';
import { addGroup, inviteStakeholder, revokeInvite, setGroupWeights, setVotingSettings } from '../services/stakeholders.js';
import { voterProgress } from '../read-models/votes.js';
import { GroupSchema, InviteSchema } from '../schemas/votes.js';
import { StatusSchema } from '../schemas/votes.js';
import { formFields, formValidator, parseDecimal, refusalOf } from '../forms.js';
import { can } from '../domain/permissions.js';
import { parseId } from '../ids.js';
import { notFound } from '../errors.js';
import { inviteLink } from './invites.api.js';
import { lastVoteVersion } from '../../db/queries/weights.js';


async function render(c: Context, p: Page, extra: { newLink?: { name: string; url: string }; errors?: Record<string, string>; values?: Record<string, string> } = {}, status: 200 | 409 | 422 = 200) {
  const [agg, voters, last] = await Promise.all([
    voteAggregate(p.db, p.evaluation),
    voterProgress(p.db, p.evaluation.id),
    lastVoteVersion(p.db, p.evaluation.id),
  ]);
  return html(c, <VotingPage user={p.user} nav={p.nav} evaluation={p.evaluation} canManage={can(p.role, 'edit') && p.evaluation.status !== 'decided'} canVote={can(p.role, 'vote')}
    agg={agg} voters={voters} lastVoteVersion={last} {...extra} />, status);
}

const back = (c: Context, id: number) => c.redirect(`/evaluations/${id}/voting`, 303);

/** A failed lifecycle or settings change re-renders the page with the reason instead of an error page. */
async function orMessage(c: Context, p: Page, work: () => Promise<void>) {
  const refused = await refusalOf(work);
  if (refused) return render(c, p, { errors: refused.errors }, refused.status as 409 | 422);
  return back(c, p.evaluation.id);
}

const statusForm = formValidator(StatusSchema, (c: Context<PageEnv>, errors) => render(c, c.var.page, { errors: { _: errors.status ?? 'Unknown status.' } }, 422));
const inviteForm = formValidator(InviteSchema.omit({ group: true }), (c: Context<PageEnv>, errors, values) => render(c, c.var.page, { errors, values }, 422),
  (f) => ({ email: f.email, name: f.name || undefined }));
const groupForm = formValidator(GroupSchema.pick({ name: true }),
  (c: Context<PageEnv>, _errors, values) => render(c, c.var.page, { errors: { groupName: 'Give the group a name of up to 80 characters.' }, values }, 422),
  (f) => ({ name: f.groupName ?? '' }));

/** The Voting tab: status, progress, aggregate, rules, groups and invitations. */
export const votingPages = new Hono<AppEnv>()
  .get('/', async (c) => render(c, await evaluationPage(c, 'voting')))
  .get('/progress', async (c) => {
    const p = await evaluationPage(c, 'voting');
    return fragment(c, <VotingProgress evaluationId={p.evaluation.id} voters={await voterProgress(p.db, p.evaluation.id)} canManage={can(p.role, 'edit')} polling={p.evaluation.status === 'voting'} />);
  })
  .post('/status', pageAccess('voting', 'edit'), statusForm, async (c) => {
    const p = c.var.page;
    const { status } = c.req.valid('form');
    return orMessage(c, p, async () => { await changeStatus(p.db, p, status); });
  })
  .post('/reopen', async (c) => {
    const p = await evaluationPage(c, 'voting', 'edit');
    return orMessage(c, p, () => reopenVoting(p.db, p));
  })
  .post('/settings', async (c) => {
    const p = await evaluationPage(c, 'voting', 'edit');
    const f = await formFields(c);
    const methods = (['points', 'rating', 'rank', 'ahp'] as const).filter((k) => f[`method.${k}`] === '1') as VoteMethod[];
    if (methods.length === 0) return render(c, p, { errors: { _: 'Allow at least one voting method.' } }, 422);
    const aggregation = ['mean', 'median', 'geometric'].includes(f.aggregation ?? '') ? f.aggregation! : 'mean';
    const ahpMode = f.ahpMode === 'aij' ? 'aij' : 'aip';
    return orMessage(c, p, () => setVotingSettings(p.db, p, { methods, aggregation, ahpMode, excludeInconsistent: f.excludeInconsistent === '1' }));
  })
  .post('/groups', pageAccess('voting', 'edit'), groupForm, async (c) => {
    const p = c.var.page;
    const { name } = c.req.valid('form');
    const refused = await refusalOf(() => addGroup(p.db, p, name, 1), [409]);
    if (refused) return render(c, p, { errors: { groupName: refused.message }, values: await formFields(c) }, 422);
    return back(c, p.evaluation.id);
  })
  .post('/groups/weights', async (c) => {
    const p = await evaluationPage(c, 'voting', 'edit');
    const f = await formFields(c);
    const weights: Record<string, number> = {};
    for (const [k, v] of Object.entries(f)) {
      if (!k.startsWith('g.')) continue;
      const n = parseDecimal(v);
      if (!Number.isFinite(n) || n < 0 || n > 1000) return render(c, p, { errors: { groupWeights: 'Group weights are numbers from 0 to 1000.' }, values: f }, 422);
      weights[k.slice(2)] = n;
    }
    await setGroupWeights(p.db, p, weights);
    return back(c, p.evaluation.id);
  })
  .post('/invites', pageAccess('voting', 'edit'), inviteForm, async (c) => {
    const p = c.var.page;
    const f = await formFields(c);
    const invite = c.req.valid('form');
    const groupId = f.group ? parseId(f.group) : null;
    if (f.group && groupId === null) return render(c, p, { errors: { group: 'Choose a group from the list.' }, values: f }, 422);
    let token = '';
    const refused = await refusalOf(async () => { token = (await inviteStakeholder(p.db, p, { email: invite.email, name: invite.name, groupId })).token; }, [404]);
    if (refused) return render(c, p, { errors: { group: 'Choose a group from the list.' }, values: f }, 422);
    return render(c, p, { newLink: { name: invite.name || invite.email, url: inviteLink(c.req.url, token) } });
  })
  .post('/invites/:inviteId/revoke', async (c) => {
    const p = await evaluationPage(c, 'voting', 'edit');
    const id = parseId(c.req.param('inviteId'));
    if (id === null) throw notFound('The invitation');
    await revokeInvite(p.db, p, id);
    return back(c, p.evaluation.id);
  });
