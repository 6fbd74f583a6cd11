import type { CurrentUser } from '../../server/context.js';
import type { Evaluation } from '../../db/schema.js';
import type { VoteAggregate } from '../../server/read-models/votes.js';
import { Field, FormErrors, Layout, type EvaluationNav } from '../layout.js';
import { BoxAxis, BoxPlot } from '../charts/box-plot.js';
import { VotingProgress, type VoterRow } from '../partials/voting-progress.js';
import { percent } from '../format.js';
import { m } from '../messages/index.js';

/** The facilitator's voting page comes in three parts, each its own address (`?view=`), so none is 2,600 px long. */
/** A new vote link: e-mailed to `email` (SMTP_URL set), or its `url` shown once to copy. */
export type VoteLinkNotice = { name: string; email: string; url?: string; emailed?: boolean };

export type VotingView = 'progress' | 'invitations' | 'results';
export const VOTING_VIEWS: readonly VotingView[] = ['progress', 'invitations', 'results'];

interface VotingPageProps {
  view: VotingView;
  user: CurrentUser; nav: EvaluationNav; evaluation: Evaluation; canManage: boolean; canVote: boolean; agg: VoteAggregate; voters: VoterRow[];
  lastVoteVersion: number | null; newLink?: VoteLinkNotice; errors?: Record<string, string>; values?: Record<string, string>;
}

function StatusPanel({ evaluation, canManage, lastVoteVersion }: Pick<VotingPageProps, 'evaluation' | 'canManage' | 'lastVoteVersion'>) {
  const base = `/evaluations/${evaluation.id}/voting`;
  const s = evaluation.status;
  const text = s === 'draft' ? m.voting.statusDraft : s === 'voting' ? m.voting.statusVoting : lastVoteVersion !== null ? `${m.voting.statusClosed} ${lastVoteVersion}.` : m.voting.statusClosedNone;
  return (
    <section class="card status-panel">
      <p>{text}</p>
      {canManage && s === 'draft' ? (
        <div class="row">
          <form method="post" action={`${base}/status`} class="inline"><input type="hidden" name="status" value="voting" /><button class="button button-primary" type="submit">{m.voting.open}</button></form>
          <span class="muted small">{m.voting.skipHint}</span>
        </div>
      ) : null}
      {canManage && s === 'voting' ? (
        <form method="get" action={`/evaluations/${evaluation.id}/status`} class="stack"><input type="hidden" name="to" value="scoring" />
          <button class="button button-primary" type="submit">{m.voting.close}</button>
          <p class="hint">{m.voting.closeHint}</p>
        </form>
      ) : null}
      {canManage && s === 'scoring' ? (
        <form method="post" action={`${base}/reopen`} class="inline"><button class="button" type="submit">{m.voting.reopen}</button></form>
      ) : null}
    </section>
  );
}

function AggregatePanel({ agg }: { agg: VoteAggregate }) {
  const axisMax = Math.max(0.5, ...agg.criteria.map((c) => agg.dispersion[c.id]?.max ?? 0));
  return (
    <section class="card">
      <h2>{m.voting.aggregateTitle} <span class="muted small">{agg.counted > 0 ? m.voting.votes(agg.counted) : m.voting.noVotesYet}</span></h2>
      <p class="muted small">{m.voting.aggregateIntro} {m.voting.aggregations[agg.aggregation]} · {agg.ahpMode === 'aij' ? m.voting.ahpModes.aij : m.voting.ahpModes.aip} ({m.voting.inForce})</p>
      <p class={`consensus consensus-${agg.consensus.level}`}><strong>{m.voting.consensus[agg.consensus.level]}</strong>{agg.consensus.level !== 'none' ? ` (${agg.consensus.score.toFixed(2)})` : ''}</p>
      <p class="hint">{m.voting.consensusExplain}</p>
      <table class="table compact">
        <thead><tr><th scope="col">{m.voting.criterion}</th><th scope="col" class="num">{m.voting.teamWeights}</th><th scope="col" class="bar-col">{m.voting.spread}</th></tr></thead>
        <tbody>
          {agg.criteria.map((c) => {
            const d = agg.dispersion[c.id];
            return (
              <tr>
                <th scope="row">{c.name}</th>
                <td class="num">{agg.counted > 0 ? percent(agg.weights[c.id] ?? 0) : '—'}</td>
                <td class="bar-col">{d && agg.counted > 0 ? <BoxPlot box={d} mark={agg.weights[c.id]} axisMax={axisMax} label={`${c.name}: min ${percent(d.min)}, lower quartile ${percent(d.q1)}, median ${percent(d.median)}, upper quartile ${percent(d.q3)}, max ${percent(d.max)}; team ${percent(agg.weights[c.id] ?? 0)}`} /> : null}</td>
              </tr>
            );
          })}
        </tbody>
        {agg.counted > 0 ? <tfoot><tr><td colspan={2} class="muted small">{m.voting.axisLabel}</td><td class="bar-col"><BoxAxis axisMax={axisMax} format={percent} /></td></tr></tfoot> : null}
      </table>
      {agg.counted > 0 ? <SpreadNumbers agg={agg} /> : null}
    </section>
  );
}

/** The box plots' text alternative: the five numbers of each criterion's votes. */
function SpreadNumbers({ agg }: { agg: VoteAggregate }) {
  return (
    <details class="spread-numbers">
      <summary>{m.voting.spreadNumbers}</summary>
      <div class="table-wrap">
        <table class="table compact">
          <thead><tr><th scope="col">{m.voting.criterion}</th>{m.voting.fiveNumbers.map((h) => <th scope="col" class="num">{h}</th>)}</tr></thead>
          <tbody>
            {agg.criteria.map((c) => {
              const d = agg.dispersion[c.id];
              return d ? <tr><th scope="row">{c.name}</th>{[d.min, d.q1, d.median, d.q3, d.max].map((v) => <td class="num">{percent(v)}</td>)}</tr> : null;
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function SettingsPanel({ evaluation, agg }: { evaluation: Evaluation; agg: VoteAggregate }) {
  const allowed = evaluation.vote_methods.split(',');
  return (
    <form method="post" action={`/evaluations/${evaluation.id}/voting/settings`} class="card stack">
      <h2>{m.voting.settings}</h2>
      <fieldset class="field"><legend>{m.voting.methodsAllowed}</legend>
        {(['points', 'rating', 'rank', 'ahp'] as const).map((k) => <label class="choice"><input type="checkbox" name={`method.${k}`} value="1" checked={allowed.includes(k)} /> {m.voting.methodNames[k]}</label>)}
      </fieldset>
      <fieldset class="field"><legend>{m.voting.aggregation}</legend>
        {(['mean', 'median', 'geometric'] as const).map((k) => <label class="choice"><input type="radio" name="aggregation" value={k} checked={agg.aggregation === k} /> {m.voting.aggregations[k]}</label>)}
      </fieldset>
      <fieldset class="field"><legend>{m.voting.ahpMode}</legend>
        {(['aip', 'aij'] as const).map((k) => <label class="choice"><input type="radio" name="ahpMode" value={k} checked={agg.ahpMode === k} /> {m.voting.ahpModes[k]}</label>)}
        <label class="choice"><input type="checkbox" name="excludeInconsistent" value="1" checked={evaluation.exclude_inconsistent === 1} /> {m.voting.excludeInconsistent}</label>
      </fieldset>
      <button type="submit" class="button">{m.voting.saveSettings}</button>
    </form>
  );
}

function GroupsPanel({ evaluation, agg, errors, values }: { evaluation: Evaluation; agg: VoteAggregate; errors?: Record<string, string>; values?: Record<string, string> }) {
  return (
    <section class="card stack">
      <h2>{m.voting.groups}</h2>
      <p class="hint">{m.voting.groupsHint}</p>
      {agg.groups.length > 0 ? (
        <form method="post" action={`/evaluations/${evaluation.id}/voting/groups/weights`} class="stack">
          <table class="table compact">
            <thead><tr><th scope="col">{m.voting.groupName}</th><th scope="col" class="num">{m.voting.groupVotes}</th><th scope="col" class="num">{m.voting.groupWeight}</th></tr></thead>
            <tbody>
              {agg.groups.map((g) => (
                <tr>
                  <th scope="row"><label for={`gw-${g.id}`}>{g.name}</label></th>
                  <td class="num">{String(g.votes)}</td>
                  <td class="num"><input id={`gw-${g.id}`} name={`g.${g.id}`} inputmode="decimal" autocomplete="off" class="input-short" value={values?.[`g.${g.id}`] ?? String(g.weight)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          {errors?.groupWeights ? <p class="error-text" role="alert">{errors.groupWeights}</p> : null}
          <button type="submit" class="button">{m.voting.saveGroupWeights}</button>
        </form>
      ) : null}
      <form method="post" action={`/evaluations/${evaluation.id}/voting/groups`} class="row">
        <Field label={m.voting.addGroup} name="groupName" error={errors?.groupName}><input id="f-groupName" name="groupName" maxlength={80} value={values?.groupName ?? ''} /></Field>
        <button type="submit" class="button">{m.voting.addGroup}</button>
      </form>
    </section>
  );
}

function InvitePanel({ evaluation, agg, newLink, errors, values }: Pick<VotingPageProps, 'evaluation' | 'agg' | 'newLink' | 'errors' | 'values'>) {
  return (
    <section class="card stack" id="invite">
      <h2>{m.voting.invite}</h2>
      <p class="hint">{m.voting.inviteHint}</p>
      {newLink && newLink.url === undefined ? (
        <div class="alert alert-success" role="status"><p>{newLink.emailed ? m.voting.linkMailed(newLink.email) : m.voting.linkQueued(newLink.email)}</p></div>
      ) : newLink ? (
        <div class="alert alert-success">
          <label for="new-link"><strong>{m.voting.linkFor(newLink.name)}</strong></label>
          <div class="row copy-row">
            <input id="new-link" readonly value={newLink.url} />
            <button type="button" class="button" data-copy="new-link">{m.voting.copy}</button>
          </div>
          <p class="small">{m.voting.mailOff} {m.voting.linkOnce}</p>
        </div>
      ) : null}
      <FormErrors errors={errors?.email || errors?.group ? errors : undefined} />
      <form method="post" action={`/evaluations/${evaluation.id}/voting/invites`} class="stack" novalidate>
        <div class="row">
          <Field label={m.voting.email} name="email" error={errors?.email}><input id="f-email" name="email" type="email" required value={values?.email ?? ''} /></Field>
          <Field label={m.voting.name} name="name"><input id="f-name" name="name" maxlength={100} value={values?.name ?? ''} /></Field>
          <Field label={m.voting.group} name="group" error={errors?.group}>
            <select id="f-group" name="group">
              <option value="">{m.voting.ungrouped}</option>
              {agg.groups.map((g) => <option value={g.id} selected={values?.group === g.id}>{g.name}</option>)}
            </select>
          </Field>
        </div>
        <button type="submit" class="button button-primary">{m.voting.sendInvite}</button>
      </form>
    </section>
  );
}

export function VotingPage(p: VotingPageProps) {
  return (
    <Layout title={m.voting.title} user={p.user} evaluation={p.nav}>
      <div class="page-head page-head-split">
        <div><h1>{m.voting.title}</h1></div>
        {p.canVote && p.evaluation.status === 'voting' ? <div class="actions"><a class="button button-primary" href={`/evaluations/${p.evaluation.id}/vote`}>{m.voting.castVote}</a></div> : null}
      </div>
      <FormErrors errors={p.errors?._ ? p.errors : undefined} />
      <StatusPanel evaluation={p.evaluation} canManage={p.canManage} lastVoteVersion={p.lastVoteVersion} />
      {p.canManage ? (
        <>
          <nav class="segmented voting-views" aria-label={m.voting.viewsLabel}>
            {VOTING_VIEWS.map((v) => <a href={`/evaluations/${p.evaluation.id}/voting?view=${v}`} aria-current={v === p.view ? 'page' : undefined}>{m.voting.views[v]}</a>)}
          </nav>
          {p.view === 'progress' ? <VotingProgress evaluationId={p.evaluation.id} voters={p.voters} canManage={p.canManage} polling={p.evaluation.status === 'voting'} /> : null}
          {p.view === 'invitations' ? <InvitePanel evaluation={p.evaluation} agg={p.agg} newLink={p.newLink} errors={p.errors} values={p.values} /> : null}
          {p.view === 'invitations' ? <GroupsPanel evaluation={p.evaluation} agg={p.agg} errors={p.errors} values={p.values} /> : null}
          {p.view === 'results' ? <AggregatePanel agg={p.agg} /> : null}
          {p.view === 'results' ? <SettingsPanel evaluation={p.evaluation} agg={p.agg} /> : null}
        </>
      ) : (
        <>
          <AggregatePanel agg={p.agg} />
          <VotingProgress evaluationId={p.evaluation.id} voters={p.voters} canManage={p.canManage} polling={p.evaluation.status === 'voting'} />
        </>
      )}
    </Layout>
  );
}
