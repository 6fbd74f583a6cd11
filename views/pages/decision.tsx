import type { CurrentUser } from '../../server/context.js';
import type { RankRow } from '../../server/domain/ranking.js';
import type { DecisionRecord, NamedVendor } from '../../server/read-models/decision.js';
import { Field, FormErrors, Layout, type EvaluationNav } from '../layout.js';
import { DecisionRecordView } from '../partials/decision-record.js';
import { percent, points, when } from '../format.js';
import { m } from '../messages/index.js';

/** What the decide form offers: the best ranked vendors, how many were ranked, the provisional ones, the approvers waiting. */
export interface DecideChoices { rows: RankRow[]; ranked: number; provisional: NamedVendor[]; approvers: number }

/** The approver's own verdict so far, if any. */
export interface MyVerdict { verdict: 'approve' | 'object'; comment: string; at: string }

interface DecisionPageProps {
  user: CurrentUser; nav: EvaluationNav;
  /** At review, for the facilitator: the decide form's choices. */
  choices?: DecideChoices | undefined;
  /** Once decided: the record (null when decided before decisions were recorded). */
  record?: DecisionRecord | null | undefined;
  /** Once decided, for an approver: the verdict form (with their verdict so far). */
  approver?: { mine: MyVerdict | null } | undefined;
  errors?: Record<string, string> | undefined; values?: Record<string, string> | undefined;
}

/** Shown to name provisional vendors without listing thousands. */
const PROVISIONAL_SHOWN = 50;

/** The review stage's decide flow: choose, say why, see what is incomplete, acknowledge it, confirm. */
function DecideForm({ nav, choices, errors, values }: { nav: EvaluationNav; choices: DecideChoices; errors?: Record<string, string> | undefined; values?: Record<string, string> | undefined }) {
  const d = m.decision;
  const v = values ?? {};
  const { provisional } = choices;
  return (
    <form method="post" action={`/evaluations/${nav.id}/decision`} class="card stack decide-form" novalidate>
      <h2>{d.chooseTitle}</h2>
      <p class="hint">{d.chooseHint(choices.rows.length, choices.ranked)}</p>
      <fieldset class={errors?.vendorIds ? 'field field-error' : 'field'}>
        <legend class="visually-hidden">{d.chooseTitle}</legend>
        <div class="table-wrap">
          <table class="table decide-table">
            <thead><tr><th scope="col"><span class="visually-hidden">{d.chosen}</span></th><th scope="col" class="num">{d.rank}</th><th scope="col">{d.vendor}</th><th scope="col" class="num">{d.total}</th><th scope="col" class="num col-coverage">{d.coverage}</th></tr></thead>
            <tbody>
              {choices.rows.map((r) => (
                <tr>
                  <td><input type="checkbox" id={`f-vendor-${r.vendorId}`} name={`vendor-${r.vendorId}`} value="1" checked={v[`vendor-${r.vendorId}`] === '1'} aria-label={d.choose(r.name)} /></td>
                  <td class="num">{r.rank}</td>
                  <th scope="row"><label for={`f-vendor-${r.vendorId}`}>{r.name}</label>{r.provisional ? <span class="badge badge-warn">{d.provisional}</span> : null}</th>
                  <td class="num">{points(r.total)}</td>
                  <td class="num col-coverage">{percent(r.coverage)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {errors?.vendorIds ? <p class="error-text" role="alert">{errors.vendorIds}</p> : null}
      </fieldset>
      <Field label={d.reason} name="reason" hint={d.reasonHint} error={errors?.reason}>
        <textarea id="f-reason" name="reason" rows={4} maxlength={4000} aria-describedby="f-reason-hint">{v.reason ?? ''}</textarea>
      </Field>
      {provisional.length > 0 ? (
        <div class="alert alert-warn stack" role="note">
          <p><strong>{d.provisionalTitle(provisional.length)}</strong>. {d.provisionalWhy}</p>
          <p class="small">{provisional.slice(0, PROVISIONAL_SHOWN).map((x) => x.name).join(', ')}{provisional.length > PROVISIONAL_SHOWN ? ` ${d.provisionalMore(provisional.length - PROVISIONAL_SHOWN)}` : ''}</p>
          <label class="choice"><input type="checkbox" name="acknowledgeProvisional" value="1" checked={v.acknowledgeProvisional === '1'} /> {d.acknowledge(provisional.length)}</label>
        </div>
      ) : null}
      <div>
        <h3>{d.willHappen}</h3>
        <p>{d.willLock}</p>
        <p>{d.willAsk(choices.approvers)}</p>
        <label class="choice"><input type="checkbox" name="confirm" value="1" checked={v.confirm === '1'} /> {d.confirm}</label>
        {errors?.confirm ? <p class="error-text" role="alert">{errors.confirm}</p> : null}
      </div>
      <button type="submit" class="button button-danger">{d.submit}</button>
    </form>
  );
}

/** An approver's verdict: approve, or object with a comment. */
function VerdictForm({ nav, mine, errors, values }: { nav: EvaluationNav; mine: MyVerdict | null; errors?: Record<string, string> | undefined; values?: Record<string, string> | undefined }) {
  const d = m.decision;
  const verdict = values?.verdict ?? mine?.verdict ?? '';
  return (
    <form method="post" action={`/evaluations/${nav.id}/decision/approvals`} class="card stack verdict-form" novalidate>
      <h2>{d.verdictTitle}</h2>
      {mine ? <p class="muted small">{d.yourVerdict(mine.verdict, when(mine.at))}</p> : null}
      <fieldset class={errors?.verdict ? 'field field-error' : 'field'}>
        <legend>{d.verdict}</legend>
        <label class="choice"><input type="radio" name="verdict" value="approve" checked={verdict === 'approve'} /> {d.approve}</label>
        <label class="choice"><input type="radio" name="verdict" value="object" checked={verdict === 'object'} /> {d.object}</label>
        {errors?.verdict ? <p class="error-text" role="alert">{errors.verdict}</p> : null}
      </fieldset>
      <Field label={d.comment} name="comment" hint={d.commentHint} error={errors?.comment}>
        <textarea id="f-comment" name="comment" rows={3} maxlength={2000} aria-describedby="f-comment-hint">{values?.comment ?? mine?.comment ?? ''}</textarea>
      </Field>
      <button type="submit" class="button button-primary">{d.giveVerdict}</button>
    </form>
  );
}

/** /evaluations/:id/decision: the decide flow in review, the decision and its sign-off once decided. */
export function DecisionPage(p: DecisionPageProps) {
  const d = m.decision;
  return (
    <Layout title={d.title} user={p.user} evaluation={p.nav}>
      <div class="page-head"><h1>{d.title}</h1>{p.choices ? <p class="muted">{d.decideIntro}</p> : null}</div>
      <FormErrors errors={p.errors} />
      {p.choices ? <DecideForm nav={p.nav} choices={p.choices} errors={p.errors} values={p.values} /> : null}
      {p.record ? <section class="card"><h2 class="visually-hidden">{m.a11y.decisionRecord}</h2><DecisionRecordView record={p.record} /></section> : null}
      {p.record === null ? <p class="alert">{d.notRecorded}</p> : null}
      {p.record && p.approver ? <VerdictForm nav={p.nav} mine={p.approver.mine} errors={p.errors} values={p.values} /> : null}
      {!p.choices && p.record === undefined ? <p class="alert">{p.nav.status === 'review' ? d.awaited : d.notYet}</p> : null}
    </Layout>
  );
}
