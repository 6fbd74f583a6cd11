import type { CurrentUser } from '../../server/context.js';
import type { Evaluation } from '../../db/schema.js';
import { FormErrors, Layout, type EvaluationNav } from '../layout.js';
import { DeadlinesCard } from '../partials/deadlines.js';
import { STATUSES } from '../../server/domain/permissions.js';
import { m } from '../messages/index.js';
import { DecisionRecordView } from '../partials/decision-record.js';
import type { DecisionRecord } from '../../server/read-models/decision.js';

/** Once decided: the decision record (null if decided before decisions were recorded) and whether the reader signs off. */
export interface OverviewDecision { record: DecisionRecord | null; approver: boolean }

export interface OverviewFacts {
  criteria: number; leaves: number; vendors: number; weightVersion: number | null; myCells: number; leader: string | null;
  /** Vendors ranked, and those in the running nobody has scored yet (not ranked). */
  ranking?: { ranked: number; unscored: number } | undefined;
  /** Blind scoring: the leader by the reader's own scores alone. */
  leaderFromOwn?: boolean;
}

/** The five stages with the current one marked, and the facilitator's way to the next. */
function Lifecycle({ evaluation, canManage, errors }: { evaluation: Evaluation; canManage: boolean; errors?: Record<string, string> }) {
  const current = STATUSES.indexOf(evaluation.status);
  const action = `/evaluations/${evaluation.id}/status`;
  const next = evaluation.status === 'decided' ? null : STATUSES[current + 1]!;
  return (
    <section class="card">
      <h2>{m.overview.lifecycle}</h2>
      <ol class="stages">
        {STATUSES.map((s, i) => <li class={i < current ? 'stage stage-done' : i === current ? 'stage stage-current' : 'stage'} aria-current={i === current ? 'step' : undefined}>{m.status[s]}</li>)}
      </ol>
      <p class="muted">{m.overview.stageHelp[evaluation.status]}</p>
      <FormErrors errors={errors} />
      {canManage && next && evaluation.status !== 'review' ? (
        <div class="row">
          {/* Opening voting goes straight through; the other steps open their confirmation page (GET). */}
          <form method={next === 'voting' ? 'post' : 'get'} action={action} class="inline"><input type="hidden" name={next === 'voting' ? 'status' : 'to'} value={next} /><button type="submit" class="button button-primary">{m.overview.next[evaluation.status as 'draft' | 'voting' | 'scoring']}</button></form>
          {evaluation.status === 'draft' ? <form method="get" action={action} class="inline"><input type="hidden" name="to" value="scoring" /><button type="submit" class="button">{m.overview.skipVoting}</button></form> : null}
        </div>
      ) : null}
      {canManage && evaluation.status === 'review' ? (
        // Deciding has its own page: the choice, the reason, what is provisional, the confirmation.
        <div class="row"><a href={`/evaluations/${evaluation.id}/decision`} class="button button-primary">{m.decision.openDecide}</a></div>
      ) : null}
    </section>
  );
}

/** A decided evaluation's decision and sign-off, with the way to the approver's form. */
function DecisionCard({ evaluation, decision }: { evaluation: Evaluation; decision: OverviewDecision }) {
  return (
    <section class="card" aria-labelledby="decision-title">
      <h2 id="decision-title">{m.decision.title}</h2>
      {decision.record ? <DecisionRecordView record={decision.record} /> : <p class="muted">{m.decision.notRecorded}</p>}
      <p><a href={`/evaluations/${evaluation.id}/decision`} class={decision.approver ? 'button button-primary' : 'button button-small'}>{decision.approver ? m.decision.signOffLink : m.decision.openRecord}</a></p>
    </section>
  );
}

/** The scoring step is done (✓) only when every cell is scored, not at the first one (issue 12). */
const allScored = (done: number, total: number) => total > 0 && done >= total;

/** A decided evaluation has no next steps (issue 12): what the decision rests on, each with its page. */
function DecidedRecord({ base, facts }: { base: string; facts: OverviewFacts }) {
  const items: [string, string][] = [
    [m.overview.recordCriteria(facts.criteria), `${base}/criteria`],
    [m.overview.recordVendors(facts.vendors), `${base}/vendors`],
    [m.overview.stepWeights(facts.weightVersion), `${base}/weights`],
    [m.overview.recordRanking(facts.leader), `${base}/ranking`],
  ];
  return (
    <section class="card">
      <h2>{m.overview.recordTitle}</h2>
      <ul class="plain-list">{items.map(([text, href]) => <li><a href={href}>{text}</a></li>)}</ul>
    </section>
  );
}

export function OverviewPage({ user, nav, evaluation, facts, canManage, errors, decision }: { user: CurrentUser; nav: EvaluationNav; evaluation: Evaluation; facts: OverviewFacts; canManage: boolean; errors?: Record<string, string>; decision?: OverviewDecision | undefined }) {
  const base = `/evaluations/${evaluation.id}`;
  const steps: [string, string, boolean][] = [
    [m.overview.stepCriteria(facts.criteria), `${base}/criteria`, facts.criteria > 0],
    [m.overview.stepVendors(facts.vendors), `${base}/vendors`, facts.vendors > 0],
    [m.overview.stepWeights(facts.weightVersion), `${base}/weights`, facts.weightVersion !== null],
    [m.overview.stepScoring(facts.myCells, facts.leaves * facts.vendors), `${base}/scoring`, allScored(facts.myCells, facts.leaves * facts.vendors)],
    [m.overview.stepRanking(facts.leader, facts.ranking, facts.leaderFromOwn), `${base}/ranking`, facts.leader !== null],
  ];
  return (
    <Layout title={evaluation.name} user={user} evaluation={nav}>
      <div class="page-head">
        <h1>{evaluation.name}</h1>
        <p class="muted">{m.overview.scale(evaluation.scale_min, evaluation.scale_max)}</p>
      </div>
      <Lifecycle evaluation={evaluation} canManage={canManage} errors={errors} />
      <DeadlinesCard evaluation={evaluation} canManage={canManage} />
      {decision ? <DecisionCard evaluation={evaluation} decision={decision} /> : null}
      {evaluation.status === 'decided' ? <DecidedRecord base={base} facts={facts} /> : (
      <section class="card">
        <h2>{m.overview.steps}</h2>
        <ol class="steps">
          {steps.map(([text, href, done]) => (
            <li class={done ? 'step step-done' : 'step'}>
              <span>{text}</span>
              <a href={href} class="button button-small">{m.overview.open}</a>
            </li>
          ))}
        </ol>
      </section>
      )}
    </Layout>
  );
}
