import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import type { Actor } from '../actor.js';
import { boardReport, type BoardReport } from '../read-models/report.js';
import { ReportPage } from '../../views/pages/report.js';
import { printerFor } from '../pdf/printer.js';
import { m } from '../../views/messages/index.js';
import { currentLocale } from '../i18n/current.js';

/** The report's day as the reader's language writes it (ISO in English, as before). */
const day = (iso: string): string => (currentLocale() === 'en' ? iso.slice(0, 10) : new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso)));

/** A file name from the evaluation's name, as the other shortlist exports make theirs. */
const pdfName = (name: string) => `${name.replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'evaluation'}-report.pdf`;

/**
 * The board report as a PDF: the same page, rendered here (no HTTP round-trip, so no cookie to
 * pass) and printed by the process's Chromium with the name, date and page numbers in the footer.
 */
export async function sendReportPdf(c: Context<AppEnv>, report: BoardReport) {
  const page = <ReportPage report={report} pdfHref="" inlineStyles />;
  const pdf = await printerFor(c.get('env').CHROMIUM_PATH).print({
    html: `<!doctype html>${String(page)}`,
    footer: { title: m.report.footer(report.evaluation.name, day(report.generatedAt)), date: '', pages: m.report.pageOf('{page}', '{pages}') },
  });
  return c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${pdfName(report.evaluation.name)}"`,
    'cache-control': 'private, no-store',
  });
}

/** GET /evaluations/:id/shortlist.pdf: the report of member `a`, printed. */
export async function shortlistPdf(c: Context<AppEnv>, a: Actor) {
  return sendReportPdf(c, await boardReport(c.get('db'), a));
}
