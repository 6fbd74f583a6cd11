import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { VOTING_VIEWS, VotingPage, type VoteLinkNotice, type VotingView } from '../../views/pages/voting.js';
import { VotingProgress } from '../../views/partials/voting-progress.js';
import { fragment, html } from '../../views/render.js';
import { evaluationPage, pageAccess, type EvaluationPage as Page, type PageEnv } from './page-access.js';
import { voteAggregate } from '../read-models/votes.js';
import { changeStatus, reopenVoting } from '../services/status.js';
import { addGroup, inviteStakeholder, revokeInvite, setGroupWeights, setVotingSettings } from '../services/stakeholders.js';
import { voterProgress } from '../read-models/votes.js';
import { GroupSchema, InviteSchema } from '../schemas/votes.js';
import { StatusSchema } from '../schemas/votes.js';
import { formFields, formValidator, refusalOf } from '../forms.js';
import { GroupWeightsFormSchema, groupWeightsInput, VotingSettingsFormSchema, votingSettingsInput } from '../schemas/forms/voting.js';
import { can } from '../domain/permissions.js';
import { parseId } from '../ids.js';
import { notFound } from '../errors.js';
import { inviteLink, invitePath } from './invites.api.js';
import { deliverWithin } from '../mail/outbox.js';
import { absolute, mailSettings } from '../mail/settings.js';
import { lastVoteVersion } from '../../db/queries/weights.js';
import { guardedMove, postGuardedStatus } from './status-confirm.js';
import { m } from '../../views/messages/index.js';


/** The part of the facilitator's page asked for; anything else is the first part. */
const viewOf = (raw: string | undefined): VotingView => ((VOTING_VIEWS as readonly string[]).includes(raw ?? '') ? (raw as VotingView) : 'progress');

async function render(c: Context, p: Page, extra: { view?: VotingView; newLink?: VoteLinkNotice; errors?: Record<string, string>; values?: Record<string, string> } = {}, status: 200 | 409 | 422 = 200) {
  const [agg, voters, last] = await Promise.all([
    voteAggregate(p.db, p.evaluation),
    voterProgress(p.db, p.evaluation.id),
    lastVoteVersion(p.db, p.evaluation.id),
  ]);
  return html(c, <VotingPage user={p.user} nav={p.nav} evaluation={p.evaluation} canManage={can(p.role, 'edit') && p.evaluation.status !== 'decided'} canVote={can(p.role, 'vote')}
    agg={agg} voters={voters} lastVoteVersion={last} {...extra} view={extra.view ?? viewOf(c.req.query('view'))} />, status);
}

// Each form goes back to the part of the page it is on.
const back = (c: Context, id: number, view: VotingView = 'progress') => c.redirect(`/evaluations/${id}/voting${view === 'progress' ? '' : `?view=${view}`}`, 303);

/** A failed lifecycle or settings change re-renders the page with the reason instead of an error page. */
async function orMessage(c: Context, p: Page, work: () => Promise<void>, view: VotingView = 'progress') {
  const refused = await refusalOf(work);
  if (refused) return render(c, p, { errors: refused.errors, view }, refused.status as 409 | 422);
  return back(c, p.evaluation.id, view);
}

const statusForm = formValidator(StatusSchema, (c: Context<PageEnv>, errors) => render(c, c.var.page, { errors: { _: errors.status ?? m.validation.unknownStatus } }, 422));
const inviteForm = formValidator(InviteSchema.omit({ group: true }), (c: Context<PageEnv>, errors, values) => render(c, c.var.page, { errors, values, view: 'invitations' }, 422),
  (f) => ({ email: f.email, name: f.name || undefined }));
const groupForm = formValidator(GroupSchema.pick({ name: true }),
  (c: Context<PageEnv>, _errors, values) => render(c, c.var.page, { errors: { groupName: m.validation.groupNameForm }, values, view: 'invitations' }, 422),
  (f) => ({ name: f.groupName ?? '' }));

// The settings' one message goes at the top of the form, which is not filled back in.
const settingsForm = formValidator(VotingSettingsFormSchema, (c: Context<PageEnv>, errors) => render(c, c.var.page, { errors: { _: errors.methods ?? '' }, view: 'results' }, 422), votingSettingsInput);
const groupWeightsForm = formValidator(GroupWeightsFormSchema,
  (c: Context<PageEnv>, errors, values) => render(c, c.var.page, { errors: { groupWeights: Object.values(errors)[0] ?? '' }, values, view: 'invitations' }, 422), groupWeightsInput);

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
    if (guardedMove(p.evaluation.status, status)) return postGuardedStatus(c, p, status);
    return orMessage(c, p, async () => { await changeStatus(p.db, p, status); });
  })
  .post('/reopen', async (c) => {
    const p = await evaluationPage(c, 'voting', 'edit');
    return orMessage(c, p, () => reopenVoting(p.db, p));
  })
  .post('/settings', pageAccess('voting', 'edit'), settingsForm, async (c) => {
    const p = c.var.page;
    const settings = c.req.valid('form');
    return orMessage(c, p, () => setVotingSettings(p.db, p, settings), 'results');
  })
  .post('/groups', pageAccess('voting', 'edit'), groupForm, async (c) => {
    const p = c.var.page;
    const { name } = c.req.valid('form');
    const refused = await refusalOf(() => addGroup(p.db, p, name, 1), [409]);
    if (refused) return render(c, p, { errors: { groupName: refused.message }, values: await formFields(c), view: 'invitations' }, 422);
    return back(c, p.evaluation.id, 'invitations');
  })
  .post('/groups/weights', pageAccess('voting', 'edit'), groupWeightsForm, async (c) => {
    const p = c.var.page;
    await setGroupWeights(p.db, p, c.req.valid('form').weights);
    return back(c, p.evaluation.id, 'invitations');
  })
  .post('/invites', pageAccess('voting', 'edit'), inviteForm, async (c) => {
    const p = c.var.page;
    const f = await formFields(c);
    const invite = c.req.valid('form');
    const groupId = f.group ? parseId(f.group) : null;
    if (f.group && groupId === null) return render(c, p, { errors: { group: m.validation.chooseGroup }, values: f, view: 'invitations' }, 422);
    // The same invitation as the API's: e-mailed when SMTP_URL is set, else shown once to copy.
    const settings = mailSettings(c.get('env'));
    const mail = settings.enabled ? { settings, sender: p.user.name, link: (t: string) => absolute(settings.appUrl, invitePath(t)) } : undefined;
    let out: Awaited<ReturnType<typeof inviteStakeholder>> | undefined;
    const refused = await refusalOf(async () => { out = await inviteStakeholder(p.db, p, { email: invite.email, name: invite.name, groupId }, mail); }, [404]);
    if (refused || !out) return render(c, p, { errors: { group: m.validation.chooseGroup }, values: f, view: 'invitations' }, 422);
    const name = invite.name || invite.email;
    if (mail) return render(c, p, { newLink: { name, email: invite.email, emailed: await deliverWithin(p.db, settings, out.mailIds) }, view: 'invitations' });
    return render(c, p, { newLink: { name, email: invite.email, url: inviteLink(c.req.url, out.token) }, view: 'invitations' });
  })
  .post('/invites/:inviteId/revoke', async (c) => {
    const p = await evaluationPage(c, 'voting', 'edit');
    const id = parseId(c.req.param('inviteId'));
    if (id === null) throw notFound('invitation');
    await revokeInvite(p.db, p, id);
    return back(c, p.evaluation.id);
  });
