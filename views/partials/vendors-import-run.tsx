import type { ImportProgress, ImportResult } from '../../server/services/vendor-import.js';
import { m } from '../messages/index.js';
import { num } from '../format.js';

/** Rejected lines listed on the report; the rest are counted (a landscape file can reject thousands). */
export const REJECTED_SHOWN = 500;

export interface ImportRunView {
  state: 'pending' | 'running' | 'done' | 'failed';
  progress: ImportProgress;
  result: ImportResult | null;
  error: string | null;
  /** The SSE stream the page follows while the import runs. */
  eventsUrl: string;
  vendorsUrl: string;
  importUrl: string;
}

const t = m.vendors.import;

/** The progress line under the bar, also sent with every SSE progress event so both read the same. */
export const progressLabel = (p: ImportProgress) => (p.total === 0 && p.phase === 'writing' && p.done === 0 ? t.starting : t.progress(p.done, p.total));

function Counts({ result }: { result: ImportResult }) {
  const items = [
    { key: 'created', label: t.counts.created, n: result.created },
    { key: 'updated', label: t.counts.updated, n: result.updated },
    { key: 'unchanged', label: t.counts.unchanged, n: result.unchanged },
    { key: 'rejected', label: t.counts.rejected, n: result.rejected.length },
  ];
  return (
    <dl class="import-counts">
      {items.map((i) => (
        <div class={`import-count import-count-${i.key}`}>
          <dt>{i.label}</dt>
          <dd id={`import-${i.key}`}>{num(i.n)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The import step: a progress bar while it runs (public/app.js follows the SSE stream named in
 * `data-import-events` and fetches this partial again at the end), then the report — created,
 * updated and unchanged counts and every rejected line with its number.
 */
export function ImportRun({ view }: { view: ImportRunView }) {
  if (view.state === 'failed') {
    return (
      <section id="import-run" class="card">
        <h2>{t.failedTitle}</h2>
        <p class="alert alert-error" role="alert">{view.error}</p>
        <div class="actions">
          <a href={view.importUrl} class="button button-primary">{t.another}</a>
          <a href={view.vendorsUrl} class="button">{t.backToVendors}</a>
        </div>
      </section>
    );
  }
  if (view.state === 'done' && view.result) {
    const rejected = view.result.rejected;
    return (
      <section id="import-run" class="card" aria-labelledby="import-done">
        <h2 id="import-done">{t.doneTitle}</h2>
        <Counts result={view.result} />
        {rejected.length === 0 ? (
          <p class="alert alert-success">{t.allGood}</p>
        ) : (
          <>
            <h3>{t.rejectedTitle}</h3>
            <p class="muted small">{t.rejectedIntro}</p>
            <div class="table-wrap rejected-wrap">
              <table class="table compact rejected-table">
                <thead><tr><th scope="col" class="num">{t.rejectedColumns.line}</th><th scope="col">{t.rejectedColumns.error}</th></tr></thead>
                <tbody>
                  {rejected.slice(0, REJECTED_SHOWN).map((r) => <tr><td class="num">{r.line}</td><td>{r.error}</td></tr>)}
                </tbody>
              </table>
            </div>
            {rejected.length > REJECTED_SHOWN ? <p class="muted small">{t.rejectedMore(rejected.length - REJECTED_SHOWN)}</p> : null}
          </>
        )}
        <div class="actions">
          <a href={view.vendorsUrl} class="button button-primary">{t.seeVendors}</a>
          <a href={view.importUrl} class="button">{t.another}</a>
        </div>
      </section>
    );
  }
  const p = view.progress;
  return (
    <section id="import-run" class="card" data-import-events={view.eventsUrl} aria-labelledby="import-running">
      <h2 id="import-running">{t.runTitle}</h2>
      <progress class="import-bar" max={Math.max(1, p.total)} value={p.done} aria-labelledby="import-running" />
      <p class="muted" role="status" data-import-text>{progressLabel(p)}</p>
      <noscript><p class="alert alert-info">{t.noscript}</p></noscript>
    </section>
  );
}
