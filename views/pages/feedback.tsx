import type { FieldErrors } from '../../server/errors.js';
import type { CurrentUser } from '../../server/context.js';
import type { Evaluation, Vendor } from '../../db/schema.js';
import type { FeedbackAnswer } from '../../server/services/feedback.js';
import type { VendorFeedbackSummary } from '../../server/read-models/feedback.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';
import { DataTable, type Column } from '../partials/data-table.js';
import { num } from '../format.js';

const t = m.feedback;

/** A rejected form: whose vendor it was for, what was typed, and what was wrong. */
export interface FeedbackFormState { vendorId: number; values: Record<string, string>; errors: FieldErrors }

interface FeedbackPageProps {
  user: CurrentUser;
  nav: EvaluationNav;
  evaluation: Evaluation;
  /** This page's vendors (by name), out of `pager.count`. */
  vendors: readonly Vendor[];
  pager: FeedbackPager;
  /** How many of the evaluation's vendors have at least one answer. */
  answered: number;
  summary: Record<string, VendorFeedbackSummary>;
  /** The signed-in person's own answers, by vendor id. */
  mine: ReadonlyMap<number, FeedbackAnswer>;
  /** Whether this person may answer (their role allows it and the evaluation is not decided). */
  canGive: boolean;
  form?: FeedbackFormState | undefined;
}

/** Where this page sits among the evaluation's vendors. */
export interface FeedbackPager { page: number; pages: number; count: number; pageSize: number }

/** Previous/next around "Page x of y", as the vendors page has it; one page needs none. */
function Pager({ pager, action }: { pager: FeedbackPager; action: string }) {
  const { page, pages, count, pageSize } = pager;
  if (pages <= 1) return null;
  const link = (n: number, label: string, rel?: string) => <a href={`${action}?page=${n}`} class="button button-small" rel={rel}>{label}</a>;
  return (
    <nav class="pager" aria-label={m.vendors.pagerLabel}>
      <span class="pager-side">{page > 1 ? link(1, m.vendors.first) : null}{page > 1 ? link(page - 1, m.vendors.prev, 'prev') : null}</span>
      <span class="muted small pager-where">{m.vendors.pageOf(page, pages)} · {m.vendors.rowsOf((page - 1) * pageSize + 1, Math.min(count, page * pageSize), count)}</span>
      <span class="pager-side">{page < pages ? link(page + 1, m.vendors.next, 'next') : null}{page < pages ? link(pages, m.vendors.last) : null}</span>
    </nav>
  );
}

/** At most one decimal, without a trailing ".0", and a real minus sign: 80, 33.3, −100. */
export function oneDecimal(x: number): string {
  const r = Math.round(x * 10) / 10;
  return num(Object.is(r, -0) ? 0 : r, 1).replace('-', '−'); // 33.3 / 33,3 (issue 16)
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function Metric({ value, suffix = '' }: { value: number | null; suffix?: string }) {
  return value === null ? <span class="muted" title={t.noneLabel}>{t.none}</span> : <>{`${oneDecimal(value)}${suffix}`}</>;
}

const SUMMARY_COLUMNS: readonly Column[] = [
  { label: t.columns.vendor }, { label: t.columns.responses, class: 'num' }, { label: t.columns.nps, class: 'num' },
  { label: t.columns.csat, class: 'num' }, { label: t.columns.ces, class: 'num' },
];

function SummaryTable({ vendors, summary }: { vendors: readonly Vendor[]; summary: Record<string, VendorFeedbackSummary> }) {
  return (
    <DataTable class="feedback-table" columns={SUMMARY_COLUMNS}>
      {vendors.map((v) => {
        const s = summary[String(v.id)] ?? { responses: 0, nps: null, csat: null, ces: null };
        return (
          <tr data-vendor-id={String(v.id)}>
            <th scope="row">{v.name}</th>
            <td class="num">{String(s.responses)}</td>
            <td class="num"><Metric value={s.nps} /></td>
            <td class="num"><Metric value={s.csat} suffix="%" /></td>
            <td class="num"><Metric value={s.ces} /></td>
          </tr>
        );
      })}
    </DataTable>
  );
}

/** One labelled select; ids carry the vendor id because every vendor has its own form on the page. */
function Select(props: { vendorId: number; name: string; label: string; options: number[]; value: string; blank: string; error?: string | undefined }) {
  const id = `fb-${props.vendorId}-${props.name}`;
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? `${id}-error` : undefined}>
        <option value="" selected={props.value === ''}>{props.blank}</option>
        {props.options.map((n) => <option value={String(n)} selected={props.value === String(n)}>{String(n)}</option>)}
      </select>
      {props.error ? <p class="error-text" id={`${id}-error`} role="alert">{props.error}</p> : null}
    </div>
  );
}

/** The caller's answer about one vendor, in a collapsible card; open when it was just rejected. */
function VendorForm({ action, vendor, answer, form }: { action: string; vendor: Vendor; answer: FeedbackAnswer | undefined; form: FeedbackFormState | undefined }) {
  const errors = form?.errors;
  const v: Record<string, string> = form?.values ?? (answer
    ? { nps: String(answer.nps), csat: answer.csat === null ? '' : String(answer.csat), ces: answer.ces === null ? '' : String(answer.ces), comment: answer.comment }
    : {});
  const commentId = `fb-${vendor.id}-comment`;
  return (
    <details class="card explain feedback-vendor" id={`feedback-${vendor.id}`} open={errors ? true : undefined}>
      <summary>
        <strong>{vendor.name}</strong>{' '}
        <span class="muted small">{answer ? t.yourAnswer(answer.nps, answer.csat, answer.ces) : t.notAnswered}</span>
      </summary>
      {errors ? <div class="alert alert-error" role="alert">{errors._ ?? t.errorFor(vendor.name)}</div> : null}
      <form method="post" action={action} class="stack" novalidate>
        <input type="hidden" name="vendorId" value={String(vendor.id)} />
        <div class="row">
          <Select vendorId={vendor.id} name="nps" label={t.npsLabel} options={range(0, 10)} value={v.nps ?? ''} blank={t.choose} error={errors?.nps} />
          <Select vendorId={vendor.id} name="csat" label={t.csatLabel} options={range(1, 5)} value={v.csat ?? ''} blank={t.skip} error={errors?.csat} />
          <Select vendorId={vendor.id} name="ces" label={t.cesLabel} options={range(1, 10)} value={v.ces ?? ''} blank={t.skip} error={errors?.ces} />
        </div>
        <p class="hint">{t.scaleHint}</p>
        <div class={errors?.comment ? 'field field-error' : 'field'}>
          <label for={commentId}>{t.commentLabel}</label>
          <textarea id={commentId} name="comment" rows={2} maxlength={1000} aria-invalid={errors?.comment ? 'true' : undefined}>{v.comment ?? ''}</textarea>
          {errors?.comment ? <p class="error-text" role="alert">{errors.comment}</p> : null}
        </div>
        <div class="row">
          <button type="submit" class="button button-primary" aria-label={t.saveLabel(vendor.name)}>{t.saveButton}</button>
        </div>
      </form>
    </details>
  );
}

/** GET /evaluations/:id/feedback — the per-vendor NPS, CSAT and CES, and the caller's own answers. */
export function FeedbackPage({ user, nav, evaluation, vendors, pager, answered, summary, mine, canGive, form }: FeedbackPageProps) {
  const action = `/evaluations/${evaluation.id}/feedback`;
  return (
    <Layout title={t.title} user={user} evaluation={nav} wide>
      <div class="page-head">
        <h1>{t.title}</h1>
        <p class="muted">{t.intro}</p>
      </div>
      {canGive ? null : <p class="alert alert-info">{evaluation.status === 'decided' ? m.locked : t.readOnly}</p>}
      {vendors.length === 0 ? (
        <div class="empty"><p>{t.noVendors}</p></div>
      ) : (
        <>
          <section class="card">
            <h2>{t.summaryTitle}</h2>
            {answered === 0 ? (
              <div class="empty"><p>{canGive ? t.noAnswersCanGive : t.noAnswers}</p></div>
            ) : (
              <>
                <SummaryTable vendors={vendors} summary={summary} />
                <p class="muted small">{t.answeredBy(answered, pager.count)}</p>
                <Pager pager={pager} action={action} />
              </>
            )}
            <h3>{t.explainTitle}</h3>
            <ul class="plain-list small">
              <li>{t.explainNps}</li>
              <li>{t.explainCsat}</li>
              <li>{t.explainCes}</li>
            </ul>
          </section>
          {canGive ? (
            <section id="your-feedback">
              <h2>{t.yoursTitle}</h2>
              <p class="muted">{t.yoursIntro}</p>
              {vendors.map((v) => (
                <VendorForm action={action} vendor={v} answer={mine.get(v.id)} form={form?.vendorId === v.id ? form : undefined} />
              ))}
              <Pager pager={pager} action={action} />
            </section>
          ) : null}
        </>
      )}
    </Layout>
  );
}
