import type { CurrentUser } from '../../server/context.js';
import type { Evaluation } from '../../db/schema.js';
import type { Missing } from '../../server/domain/rules/status-preconditions.js';
import { FormErrors, Layout, type EvaluationNav } from '../layout.js';
import { MissingList } from '../partials/missing-list.js';
import { m } from '../messages/index.js';

/** The guarded status changes: from draft or voting to scoring, and from scoring to review. */
export type GuardedMove = 'closeVoting' | 'skipVoting' | 'closeScoring';

export interface StatusConfirmProps {
  user: CurrentUser; nav: EvaluationNav; evaluation: Evaluation; to: 'scoring' | 'review'; move: GuardedMove; missing: readonly Missing[]; errors?: Record<string, string> | undefined;
}

/**
 * GET /evaluations/:id/status?to=… — before a status change: what will happen, what is incomplete,
 * and a form that needs the box ticked (and, for an overridable gap, the force box). A plain form:
 * it works without JavaScript and the server checks the boxes again.
 */
export function StatusConfirmPage({ user, nav, evaluation, to, move, missing, errors }: StatusConfirmProps) {
  const base = `/evaluations/${evaluation.id}`;
  const title = move === 'closeVoting' ? m.guards.closeVotingTitle : move === 'skipVoting' ? m.guards.skipVotingTitle : m.guards.confirmTitle[to];
  const blocked = missing.some((x) => x.severity === 'hard');
  const overridable = missing.some((x) => x.severity === 'overridable');
  return (
    <Layout title={title} user={user} evaluation={nav}>
      <div class="page-head"><h1>{title}</h1></div>
      <section class="card confirm-step">
        <h2>{m.guards.happens}</h2>
        <ul>{m.guards.effects[move].map((line) => <li>{line}</li>)}</ul>
        <h2>{m.guards.incomplete}</h2>
        <MissingList missing={missing} base={base} />
        <FormErrors errors={errors} />
        {blocked ? (
          <div class="stack"><p class="alert alert-warn">{m.guards.blocked}</p><a class="button" href={base}>{m.guards.cancel}</a></div>
        ) : (
          <form method="post" action={`${base}/status`} class="stack">
            <input type="hidden" name="status" value={to} />
            <label class="choice"><input type="checkbox" name="confirm" value="yes" required /> {m.guards.confirmCheck}</label>
            {overridable ? <label class="choice"><input type="checkbox" name="force" value="yes" required /> {m.guards.forceCheck}</label> : null}
            <div class="row">
              <button type="submit" class={to === 'review' ? 'button button-danger' : 'button button-primary'}>{move === 'closeVoting' ? m.overview.next.voting : move === 'skipVoting' ? m.overview.skipVoting : m.overview.next.scoring}</button>
              <a class="button" href={base}>{m.guards.cancel}</a>
            </div>
          </form>
        )}
      </section>
    </Layout>
  );
}
