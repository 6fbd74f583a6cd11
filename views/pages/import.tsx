import type { CurrentUser } from '../../server/context.js';
import type { ColumnMapping, CsvPreview } from '../../server/domain/csv-mapping.js';
import { LONGLIST_FIELDS } from '../../server/domain/csv-mapping.js';
import { Field, Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';
import { ImportRun, type ImportRunView } from '../partials/vendors-import-run.js';
import { num } from '../format.js';

const t = m.vendors.import;

/** Upload → Map columns → Import, with the current step marked. */
function Steps({ current }: { current: 0 | 1 | 2 | 3 }) {
  return (
    <ol class="stages import-steps">
      {t.steps.map((s, i) => (
        <li class={i < current ? 'stage stage-done' : i === current ? 'stage stage-current' : 'stage'} aria-current={i === current ? 'step' : undefined}>{s}</li>
      ))}
    </ol>
  );
}

function Head({ nav, current }: { nav: EvaluationNav; current: 0 | 1 | 2 | 3 }) {
  return (
    <div class="page-head">
      <p class="small"><a href={`/evaluations/${nav.id}/vendors`}>← {t.backToVendors}</a></p>
      <h1>{t.title}</h1>
      {current === 0 ? <p class="muted">{t.intro}</p> : null}
      <Steps current={current} />
    </div>
  );
}

interface Base { user: CurrentUser; nav: EvaluationNav }

/** GET /evaluations/:id/vendors/import — choose a CSV file. */
export function ImportUploadPage({ user, nav, error }: Base & { error?: string | undefined }) {
  const action = `/evaluations/${nav.id}/vendors/import`;
  return (
    <Layout title={t.title} user={user} evaluation={nav}>
      <Head nav={nav} current={0} />
      <section class="card">
        <form method="post" action={action} enctype="multipart/form-data" class="stack upload-form">
          <Field label={t.fileLabel} name="file" error={error} hint={t.fileHint}>
            <input id="f-file" type="file" name="file" accept=".csv,.txt,text/csv,text/plain" required aria-describedby="f-file-hint" aria-invalid={error ? 'true' : undefined} />
          </Field>
          <div class="row">
            <button type="submit" class="button button-primary">{t.uploadButton}</button>
            <a href={`/evaluations/${nav.id}/vendors`} class="button">{m.cancel}</a>
          </div>
        </form>
      </section>
      <p class="muted small">{t.apiHint}</p>
    </Layout>
  );
}

const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${num(Math.max(1, Math.round(bytes / 1024)))} KB` : `${num(bytes / (1024 * 1024), 1)} MB`);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

interface PreviewProps extends Base {
  action: string;
  fileName: string;
  bytes: number;
  preview: CsvPreview;
  mapping: ColumnMapping;
  error?: string | undefined;
}

/** GET /evaluations/:id/vendors/import/:key — the file's first rows and the column mapping to confirm. */
export function ImportPreviewPage({ user, nav, action, fileName, bytes, preview, mapping, error }: PreviewProps) {
  const title = (i: number) => preview.header[i]?.trim() || t.untitled(i);
  const samples = (i: number) => preview.rows.map((r) => r[i]?.trim() ?? '').filter((v) => v !== '').slice(0, 3).map((v) => clip(v.replace(/\s+/g, ' '), 40));
  return (
    <Layout title={t.title} user={user} evaluation={nav}>
      <Head nav={nav} current={1} />
      <section class="card">
        <h2>{t.mappingTitle}</h2>
        <p class="file-facts"><strong>{t.fileFacts(fileName, kb(bytes), preview.lines, t.separators[preview.separator] ?? preview.separator)}</strong></p>
        <p class="muted small">{t.mappingIntro}</p>
        {error ? <p class="alert alert-error" role="alert">{error}</p> : null}
        <form method="post" action={action} class="stack">
          <div class="table-wrap">
            <table class="table compact mapping-table">
              <thead>
                <tr><th scope="col">{t.mappingColumns.column}</th><th scope="col">{t.mappingColumns.sample}</th><th scope="col">{t.mappingColumns.field}</th></tr>
              </thead>
              <tbody>
                {preview.header.map((_, i) => (
                  <tr class={mapping[i] ? 'mapped' : 'ignored'}>
                    <th scope="row"><label for={`col-${i}`}>{clip(title(i), 60)}</label></th>
                    <td class="small muted samples">{samples(i).join(' · ')}</td>
                    <td>
                      <select id={`col-${i}`} name={`col${i}`}>
                        <option value="" selected={!mapping[i]}>{t.fields['']}</option>
                        {LONGLIST_FIELDS.map((f) => <option value={f} selected={mapping[i] === f}>{t.fields[f]}</option>)}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="row">
            <button type="submit" class="button button-primary">{t.importButton}</button>
            <a href={`/evaluations/${nav.id}/vendors/import`} class="button">{t.otherFile}</a>
          </div>
        </form>
      </section>
      <section class="card">
        <h2>{t.previewTitle}</h2>
        {preview.rows.length === 0 ? (
          <p class="alert alert-warning">{t.noRows}</p>
        ) : (
          <>
            <p class="muted small">{t.previewIntro(preview.rows.length)}</p>
            <div class="table-wrap">
              <table class="table compact preview-table">
                <thead><tr>{preview.header.map((_, i) => <th scope="col">{clip(title(i), 40)}</th>)}</tr></thead>
                <tbody>
                  {preview.rows.map((r) => <tr>{r.map((cell) => <td class="small" title={cell.length > 30 ? clip(cell, 300) : undefined}>{clip(cell, 90)}</td>)}</tr>)}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </Layout>
  );
}

/** GET /evaluations/:id/vendors/import/:key once the import is under way or done. */
export function ImportRunPage({ user, nav, view }: Base & { view: ImportRunView }) {
  return (
    <Layout title={t.title} user={user} evaluation={nav}>
      <Head nav={nav} current={view.state === 'done' ? 3 : 2} />
      <ImportRun view={view} />
    </Layout>
  );
}
