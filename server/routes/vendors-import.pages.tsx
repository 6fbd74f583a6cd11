import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context.js';
import { ImportPreviewPage, ImportRunPage, ImportUploadPage } from '../../views/pages/import.js';
import { ImportRun, progressLabel, type ImportRunView } from '../../views/partials/vendors-import-run.js';
import { m } from '../../views/messages/index.js';
import { fragment, html } from '../../views/render.js';
import { applyMapping, LONGLIST_FIELDS, mappingProblem, previewCsv, type ColumnMapping } from '../domain/csv-mapping.js';
import { LonglistFormatError, type LonglistField } from '../domain/csv-longlist.js';
import { longlistText } from '../longlist-text.js';
import { findUpload, keepUpload, prepareImport, type ImportEvent, type ImportJob, type Upload } from '../services/import-uploads.js';
import { notFound } from '../errors.js';
import { evaluationPage, type EvaluationPage as Page } from './page-access.js';
import { IMPORT_MAX_BYTES } from './vendors-import.api.js';


const t = m.vendors.import;
// Room for the multipart envelope around a file of the largest size accepted.
const MULTIPART_SLACK = 64 * 1024;
/** Rejected lines carried by the stream's final event; the page's report lists more. */
const STREAM_REJECTED = 100;

const baseOf = (p: Page) => `/evaluations/${p.evaluation.id}/vendors`;

async function uploadPage(c: Context<AppEnv>, error: string, status: ContentfulStatusCode) {
  const p = await evaluationPage(c, 'vendors', 'edit');
  return html(c, <ImportUploadPage user={p.user} nav={p.nav} error={error} />, status);
}

/** Bytes → text: UTF-8 only, a BOM is fine, anything undecodable (or binary: a NUL) is refused rather than garbled. */
function utf8(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\0') ? null : text;
  } catch {
    return null;
  }
}

function uploadOf(p: Page, key: string): Upload | undefined {
  return findUpload(key, p.evaluation.id, p.userId);
}

function runView(p: Page, upload: Upload, job: ImportJob): ImportRunView {
  const base = baseOf(p);
  return {
    state: job.state, progress: job.progress, result: job.result, error: job.error,
    eventsUrl: `${base}/import/${upload.key}/events`, vendorsUrl: base, importUrl: `${base}/import`,
  };
}

function previewPage(c: Context<AppEnv>, p: Page, upload: Upload, mapping?: ColumnMapping, error?: string) {
  const preview = previewCsv(upload.text ?? '');
  const page = (
    <ImportPreviewPage
      user={p.user} nav={p.nav} action={`${baseOf(p)}/import/${upload.key}`} fileName={upload.fileName} bytes={upload.bytes}
      preview={preview} mapping={mapping ?? preview.guess} error={error}
    />
  );
  return html(c, page, error ? 422 : 200);
}

/** The SSE form of an import event: progress as counts and the line the page shows, then the end. */
function sseOf(e: ImportEvent): { event: string; data: string } {
  if (e.type === 'progress') {
    const p = e.progress;
    return { event: 'progress', data: JSON.stringify({ done: p.done, total: p.total, rejected: p.rejected, label: progressLabel(p) }) };
  }
  if (e.type === 'failed') return { event: 'failed', data: JSON.stringify({ message: e.message }) };
  const r = e.result;
  return {
    event: 'result',
    data: JSON.stringify({ created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected.length, lines: r.rejected.slice(0, STREAM_REJECTED) }),
  };
}

/** The job's current end state as an event, once it has one. */
function endOf(job: ImportJob): ImportEvent | null {
  if (job.state === 'done' && job.result) return { type: 'result', result: job.result };
  if (job.state === 'failed') return { type: 'failed', message: job.error ?? '' };
  return null;
}

/**
 * The longlist import page (facilitator only): upload a CSV, preview it and map its columns, then
 * import with a live progress bar fed by Server-Sent Events and a per-line report at the end. The
 * file waits server-side between the steps (services/import-uploads.ts), under a key that only
 * works for the same evaluation and user.
 */
export const vendorsImportPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    return html(c, <ImportUploadPage user={p.user} nav={p.nav} />);
  })
  .post(
    '/',
    // Who may upload is settled before the body is read, so a stranger's large file gets a 404, not a 413.
    async (c, next) => {
      await evaluationPage(c, 'vendors', 'edit');
      await next();
    },
    bodyLimit({ maxSize: IMPORT_MAX_BYTES + MULTIPART_SLACK, onError: (c) => uploadPage(c, t.tooLarge, 413) }),
    async (c) => {
      const p = await evaluationPage(c, 'vendors', 'edit');
      const body = await c.req.parseBody();
      const file = body.file;
      if (!(file instanceof File) || (file.size === 0 && file.name === '')) return uploadPage(c, t.noFile, 422);
      if (file.size > IMPORT_MAX_BYTES) return uploadPage(c, t.tooLarge, 413);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const text = utf8(bytes);
      if (text === null) return uploadPage(c, t.notUtf8, 422);
      if (text.replace(/^\uFEFF/, '').trim() === '') return uploadPage(c, t.empty, 422);
      try {
        previewCsv(text);
      } catch (e) {
        if (e instanceof LonglistFormatError) return uploadPage(c, longlistText(e.problem), 422);
        throw e;
      }
      const upload = keepUpload(p.evaluation.id, p.userId, file.name.slice(0, 120) || 'longlist.csv', bytes.length, text);
      return c.redirect(`${baseOf(p)}/import/${upload.key}`, 303);
    },
  )
  .get('/:key', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const upload = uploadOf(p, c.req.param('key'));
    if (!upload) return uploadPage(c, t.expired, 404);
    if (!upload.job) return previewPage(c, p, upload);
    const view = runView(p, upload, upload.job);
    c.header('Vary', 'HX-Request');
    if (c.req.header('hx-request') === 'true' && c.req.header('hx-request-type') !== 'full') return fragment(c, <ImportRun view={view} />);
    return html(c, <ImportRunPage user={p.user} nav={p.nav} view={view} />);
  })
  .post('/:key', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const upload = uploadOf(p, c.req.param('key'));
    if (!upload) return uploadPage(c, t.expired, 404);
    const here = `${baseOf(p)}/import/${upload.key}`;
    // A second submit (back button, double click) finds the import already under way.
    if (upload.job || upload.text === null) return c.redirect(here, 303);
    const form = await c.req.parseBody();
    const width = previewCsv(upload.text).header.length;
    const mapping: ColumnMapping = Array.from({ length: width }, (_, i) => {
      const v = form[`col${i}`];
      return typeof v === 'string' && (LONGLIST_FIELDS as readonly string[]).includes(v) ? (v as LonglistField) : null;
    });
    const problem = mappingProblem(mapping, width);
    if (problem) return previewPage(c, p, upload, mapping, longlistText(problem));
    let mapped: string;
    try {
      mapped = applyMapping(upload.text, mapping);
    } catch (e) {
      if (e instanceof LonglistFormatError) return previewPage(c, p, upload, mapping, longlistText(e.problem));
      throw e;
    }
    prepareImport(upload, p.db, p, mapped);
    return c.redirect(here, 303);
  })
  .get('/:key/events', async (c) => {
    const p = await evaluationPage(c, 'vendors', 'edit');
    const job = uploadOf(p, c.req.param('key'))?.job;
    if (!job) throw notFound('import');
    return streamSSE(c, async (stream) => {
      const queue: ImportEvent[] = [];
      let wake: (() => void) | null = null;
      let closed = false;
      const unsubscribe = job.subscribe((e) => {
        queue.push(e);
        wake?.();
      });
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      try {
        // Where it stands now, so a page that connects late (or reconnects) catches up at once.
        await stream.writeSSE(sseOf({ type: 'progress', progress: job.progress }));
        const ended = endOf(job);
        if (ended) {
          await stream.writeSSE(sseOf(ended));
          return;
        }
        // The page is watching: start now rather than after the unwatched delay.
        job.start();
        while (!closed) {
          const e = queue.shift();
          if (!e) {
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
            continue;
          }
          await stream.writeSSE(sseOf(e));
          if (e.type !== 'progress') return;
        }
      } finally {
        unsubscribe();
      }
    });
  });
