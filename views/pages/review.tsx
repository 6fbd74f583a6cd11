import type { CurrentUser } from '../../server/context.js';
import type { Evaluation } from '../../db/schema.js';
import { FormErrors, Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';
import { num, when } from '../format.js';
import { ReviewFilterForm, reviewHref, type ReviewChoices, type ReviewFilter } from '../partials/review-filter.js';

export interface ReviewRow {
  vendorId: string; vendorName: string; criterionId: string; criterionName: string; kind: 'scored' | 'must-have'; spread: number; mean: number | null;
  scores: { name: string; value: number | null; comment: string }[];
  consensus: { value: number | null; rationale: string; by: string; at: string } | null;
}

interface ReviewPageProps {
  user: CurrentUser; nav: EvaluationNav; evaluation: Evaluation; isFacilitator: boolean; rows: ReviewRow[];
  kendall: { id: string; name: string; w: number | null }[]; errors?: Record<string, string>; values?: Record<string, string>;
  paging: { page: number; pages: number; total: number };
  filter: ReviewFilter; choices: ReviewChoices; resolved: { done: number; flagged: number };
}

const fmt = (v: number | null, kind: 'scored' | 'must-have') => (v === null ? m.review.na : kind === 'must-have' ? (v >= 1 ? m.scoring.pass : m.scoring.fail) : String(Math.round(v * 100) / 100));

function ConsensusForm({ row, evaluationId, errors, values }: { row: ReviewRow; evaluationId: number; errors?: Record<string, string>; values?: Record<string, string> }) {
  const key = `${row.vendorId}:${row.criterionId}`;
  const mine = values?.cell === key;
  return (
    <form method="post" action={`/evaluations/${evaluationId}/review/consensus`} class="stack consensus-form">
      <input type="hidden" name="cell" value={key} />
      {row.kind === 'must-have' ? (
        <select name="value" aria-label={`${m.review.consensusValue}: ${row.vendorName} — ${row.criterionName}`}>
          <option value="">—</option>
          <option value="1" selected={row.consensus?.value === 1}>{m.scoring.pass}</option>
          <option value="0" selected={row.consensus?.value === 0}>{m.scoring.fail}</option>
        </select>
      ) : (
        <input name="value" inputmode="decimal" class="input-short" aria-label={`${m.review.consensusValue}: ${row.vendorName} — ${row.criterionName}`}
          value={mine ? values?.value ?? '' : row.consensus?.value !== null && row.consensus?.value !== undefined ? String(row.consensus.value) : ''} />
      )}
      <textarea name="rationale" rows={2} maxlength={4000} placeholder={m.review.rationaleHint} aria-label={`${m.review.rationale}: ${row.vendorName} — ${row.criterionName}`}>{mine ? values?.rationale ?? '' : row.consensus?.rationale ?? ''}</textarea>
      {mine && errors ? Object.values(errors).map((e) => <p class="error-text" role="alert">{e}</p>) : null}
      <button type="submit" class="button button-small button-primary">{m.review.saveConsensus}</button>
    </form>
  );
}

export function ReviewPage(p: ReviewPageProps) {
  const inReview = p.evaluation.status === 'review';
  const canSet = p.isFacilitator && inReview;
  return (
    <Layout title={m.review.title} user={p.user} evaluation={p.nav} wide>
      <div class="page-head">
        <h1>{m.review.title}</h1>
        <p class="muted">{m.review.intro}</p>
      </div>
      {p.isFacilitator && !inReview && p.evaluation.status !== 'decided' ? (
        <div class="alert">
          <p>{m.review.previewForFacilitator}</p>
          {p.evaluation.status === 'scoring' ? (
            <form method="post" action={`/evaluations/${p.nav.id}/status`} class="inline"><input type="hidden" name="status" value="review" /><button type="submit" class="button">{m.review.moveToReview}</button></form>
          ) : null}
        </div>
      ) : null}
      {/* A decided evaluation changes no more: no live button that could only end on a 409 (issue 12). */}
      {p.isFacilitator && p.evaluation.status !== 'decided' ? (
        <form method="post" action={`/evaluations/${p.nav.id}/review/threshold`} class="row threshold-form">
          <label for="f-threshold" class="inline-label">{m.review.threshold}
            <input id="f-threshold" name="threshold" inputmode="decimal" class="input-short" value={p.values?.threshold ?? String(Math.round(p.evaluation.disagreement_threshold * 100))} /> {m.review.thresholdUnit}
          </label>
          <button type="submit" class="button button-small">{m.review.saveThreshold}</button>
          {p.errors?.threshold ? <p class="error-text" role="alert">{p.errors.threshold}</p> : null}
        </form>
      ) : null}
      <FormErrors errors={p.errors?._ ? p.errors : undefined} />
      {p.resolved.flagged > 0 ? (
        <>
          <p class="review-resolved"><strong>{m.review.resolved(p.resolved.done, p.resolved.flagged)}</strong></p>
          <ReviewFilterForm evaluationId={p.nav.id} filter={p.filter} choices={p.choices} />
        </>
      ) : null}
      <div id="review-results">
      {p.paging.total > 0 ? <h2>{m.review.count(p.paging.total)}</h2> : null}
      {p.rows.length === 0 ? (
        <div class="empty"><p>{p.resolved.flagged > 0 ? m.review.noneMatch : m.review.none}</p></div>
      ) : (
        <div class="table-wrap">
          <table class="table review-table">
            <thead><tr><th scope="col">{m.review.vendor}</th><th scope="col">{m.review.criterion}</th><th scope="col">{m.review.scores}</th><th scope="col" class="num">{m.review.spread}</th><th scope="col">{m.review.consensus}</th></tr></thead>
            <tbody>
              {p.rows.map((r) => (
                <tr id={`cell-${r.vendorId}-${r.criterionId}`}>
                  <th scope="row">{r.vendorName}</th>
                  <td data-label={m.review.criterion}>{r.criterionName}</td>
                  <td data-label={m.review.scores}>
                    <ul class="plain-list compact-list">
                      {r.scores.map((s) => <li><strong>{fmt(s.value, r.kind)}</strong> — {s.name}{s.comment ? <span class="muted">: “{s.comment}”</span> : null}</li>)}
                    </ul>
                    {r.mean !== null && r.kind === 'scored' ? <p class="muted small">{m.review.mean}: {fmt(r.mean, r.kind)}</p> : null}
                  </td>
                  <td class="num" data-label={m.review.spread}>{fmt(r.spread, 'scored')}</td>
                  <td class="consensus-cell" data-label={m.review.consensus}>
                    {r.consensus && !canSet ? (
                      <p><strong>{fmt(r.consensus.value, r.kind)}</strong> — {r.consensus.rationale}<br /><span class="muted small">{m.review.setBy(r.consensus.by, when(r.consensus.at))}</span></p>
                    ) : null}
                    {canSet ? <ConsensusForm row={r} evaluationId={p.nav.id} errors={p.errors} values={p.values} /> : null}
                    {r.consensus && canSet ? <p class="muted small">{m.review.setBy(r.consensus.by, when(r.consensus.at))}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.paging.pages > 1 ? (
        <nav class="pager" aria-label={m.chrome.disagreementPages}>
          {p.paging.page > 1 ? <a class="button button-small" href={reviewHref(p.nav.id, p.filter, p.paging.page - 1)}>{m.review.prev}</a> : <span />}
          <span class="muted">{m.scoring.page(p.paging.page, p.paging.pages)}</span>
          {p.paging.page < p.paging.pages ? <a class="button button-small" href={reviewHref(p.nav.id, p.filter, p.paging.page + 1)}>{m.review.next}</a> : <span />}
        </nav>
      ) : null}
      </div>
      <section class="card">
        <h2>{m.review.kendallTitle}</h2>
        <p class="muted small">{m.review.kendallIntro}</p>
        <p><a href={`/evaluations/${p.nav.id}/review/calibration`}>{m.calibration.link}</a></p>
        <table class="table compact">
          <tbody>{p.kendall.map((k) => <tr><th scope="row">{k.name}</th><td class="num">{k.w === null ? '—' : num(k.w, 2)}</td><td class="muted">{m.review.kendallWords(k.w)}</td></tr>)}</tbody>
        </table>
      </section>
    </Layout>
  );
}
