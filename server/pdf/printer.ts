import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { AppError } from '../errors.js';
import { m } from '../../views/messages/index.js';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
/** One page prints at a time (a 2-core host), and at most this many wait; more get a 503 to retry. */
const MAX_WAITING = 8;
const PRINT_TIMEOUT_MS = 60_000;

const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));
// The page is set as content, with no server to fetch stylesheets from: they go in as text.
// Our own files, read once; neither holds `</style>`.
let styles: string | undefined;
const stylesheet = () => (styles ??= ['app.css', 'report.css'].map((f) => readFileSync(`${publicDir}${f}`, 'utf8')).join('\n'));

/** `pages`: the footer's "Page {page} of {pages}" in the reader's language, with those two markers left in. */
export interface PrintJob { html: string; footer: { title: string; date: string; pages?: string } }

/** Chromium fills these spans with the page counters; the words around them are the reader's. */
const pageCounter = (pages = 'Page {page} of {pages}'): string =>
  escapeHtml(pages).replace('{page}', '<span class="pageNumber"></span>').replace('{pages}', '<span class="totalPages"></span>');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * Prints HTML to PDF with one Chromium per process, started on first use (a launch costs about a
 * second and 100 MB, too much per request) and closed on shutdown. Jobs run one after the other;
 * the queue is bounded so a burst of exports cannot pile up memory.
 */
export class Printer {
  private browser: Promise<Browser> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly executablePath: string) {}

  print(job: PrintJob): Promise<Buffer> {
    if (this.waiting >= MAX_WAITING) return Promise.reject(new AppError(503, 'busy', m.errors.pdfBusy));
    this.waiting += 1;
    const run = this.tail.then(() => this.render(job)).finally(() => { this.waiting -= 1; });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private launch(): Promise<Browser> {
    // playwright-core is 82 MB resident once loaded: a process that never prints a report never loads it.
    this.browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: this.executablePath, args: ARGS })).then((b) => {
      // A browser that dies (killed, out of memory) is started again on the next job.
      b.on('disconnected', () => { this.browser = null; });
      return b;
    }, (e: unknown) => { this.browser = null; throw e; });
    return this.browser;
  }

  private async render(job: PrintJob): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(PRINT_TIMEOUT_MS);
      // Scripts are off in this context (nothing to run, nothing to exploit), so the styles go in the HTML itself.
      await page.setContent(job.html.replace('</head>', `<style>${stylesheet()}</style></head>`), { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8px;width:100%;padding:0 14mm;display:flex;justify-content:space-between;color:#555"><span>${escapeHtml([job.footer.title, job.footer.date].filter(Boolean).join(' · '))}</span><span>${pageCounter(job.footer.pages)}</span></div>`,
      });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close();
  }
}

const printers = new Map<string, Printer>();

/** The process's printer for that Chromium. */
export function printerFor(executablePath: string | undefined): Printer {
  const path = executablePath ?? '/usr/bin/chromium';
  let p = printers.get(path);
  if (!p) printers.set(path, (p = new Printer(path)));
  return p;
}

/** Closes every browser this process started (server shutdown, test teardown). */
export async function closePrinters(): Promise<void> {
  await Promise.all([...printers.values()].map((p) => p.close()));
}
