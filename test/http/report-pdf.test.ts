import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, makeTestApp, printingEnv, type TestApp } from '../setup/app.js';
import { systemPath } from '../../scripts/system-deps.mjs';
import { evaluationWithUnscoredVendor } from '../setup/decision.js';
import { pageGet, signedInUser } from '../setup/pages.js';
import { closePrinters } from '../../server/pdf/printer.js';

// Issue 14, item 7: the board report printed to PDF by Debian's Chromium. Rendered to images with
// pdftoppm: no page is blank (grey-level variance); pdftotext holds the chosen vendor, the
// evaluation's name and the footer's page numbers. The read-only link prints the same report.

// Chromium and poppler come from scripts/system-deps.mjs (npm test's pretest installs them); a
// missing one fails the suite with the command that installs it, never skips it.

/** Grey-level variance of a binary PGM (P5) image: 0 for a blank page. */
function variance(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const px = pgm.subarray(header[0].length);
  let sum = 0, sq = 0;
  for (const v of px) { sum += v; sq += v * v; }
  const mean = sum / px.length;
  return sq / px.length - mean * mean;
}

describe('the board report as a PDF', () => {
  let app: TestApp;
  let owner: Awaited<ReturnType<typeof signedInUser>>;
  let id: string;
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));

  beforeAll(async () => {
    ({ app } = await makeTestApp({ env: printingEnv() }));
    owner = await signedInUser(app, 'fay@example.test');
    const eva = { ...(await signedInUser(app, 'eve@example.test')), email: 'eve@example.test' };
    const made = await evaluationWithUnscoredVendor(app, owner.token, eva, { review: true });
    id = made.id;
    const d = await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/decision`, { vendorIds: [made.zeta], reason: 'Zeta keeps our data in the EU.', acknowledgeProvisional: true });
    expect(d.status, d.text).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await closePrinters();
    rmSync(dir, { recursive: true, force: true });
  });

  test('shortlist.pdf: pages not blank, the chosen vendor, the evaluation and page numbers in the text', async () => {
    const res = await pageGet(app, owner.cookie, `/evaluations/${id}/shortlist.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = join(dir, 'report.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

    execFileSync(systemPath('pdftoppm'), ['-r', '40', '-gray', file, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.pgm'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) expect(variance(readFileSync(join(dir, p))), p).toBeGreaterThan(50);

    const text = execFileSync(systemPath('pdftotext'), ['-layout', file, '-']).toString();
    expect(text).toContain('Zeta keeps our data in the EU.');
    expect(text).toContain('Zeta');
    expect(text).toContain('CX platform 2025');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('Record of the award');
  }, 60_000);

  test('in German (issue 16): the PDF holds German headings and page numbers; the names stay as typed', async () => {
    const res = await pageGet(app, `${owner.cookie}; cxb_lang=de`, `/evaluations/${id}/shortlist.pdf`);
    expect(res.status).toBe(200);
    const file = join(dir, 'report-de.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync(systemPath('pdftotext'), ['-layout', file, '-']).toString();
    expect(text).toContain('Vergabevermerk');
    expect(text).toContain('Entscheidung und Begründung');
    expect(text).toMatch(/Seite 1 von \d+/);
    expect(text).toContain('Zeta keeps our data in the EU.');
    expect(text).toContain('CX platform 2025');
    expect(text).not.toContain('Record of the award');
    expect(text).not.toMatch(/Page 1 of/);
  }, 60_000);

  test('a read-only link prints the same report without an account', async () => {
    const made = await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/report-links`, {});
    const path = `${new URL(made.json.url as string).pathname}/report.pdf`;
    const res = await pageGet(app, null, path);
    expect(res.status).toBe(200);
    const file = join(dir, 'link.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    expect(execFileSync(systemPath('pdftotext'), [file, '-']).toString()).toContain('Zeta keeps our data in the EU.');
  }, 60_000);
});
