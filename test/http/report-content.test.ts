import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTestApp, printingEnv, type TestApp } from '../setup/app.js';
import { BOARD_PACK, boardPackEvaluation } from '../setup/board-pack.js';
import { pageGet } from '../setup/pages.js';
import { pdfText } from '../setup/pdf-text.js';
import { closePrinters } from '../../server/pdf/printer.js';
import { day } from '../../views/format.js';
import { m } from '../../views/messages/index.js';

// Issue 14, item 7: each section of the board report shows what the evaluation holds — the decision
// for Zeta with its reason and the approval, the votes behind the weights, the vendor that failed a
// must-have and the withdrawn one with their reasons, the declared conflict and the measure taken,
// the consensus rationale — and the PDF's footer carries the evaluation's name and the date.

let app: TestApp;
let made: Awaited<ReturnType<typeof boardPackEvaluation>>;
let html: string;
const N = BOARD_PACK.names;

/** The HTML of one report section: from its opening tag to where the next section in `order` begins. */
const ORDER = ['decision', 'method', 'ranking', 'working', 'sensitivity', 'method-check', 'excluded', 'conflicts', 'consensus', 'record'];
function section(id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `section ${id}`).toBeGreaterThan(0);
  const ends = ORDER.slice(ORDER.indexOf(id) + 1).map((next) => html.indexOf(`id="${next}"`, start)).filter((i) => i > 0);
  return html.slice(start, ends.length ? Math.min(...ends) : undefined);
}
const text = (s: string) => s.replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;|&#x27;/g, "'").replace(/\s+/g, ' ');

beforeAll(async () => {
  ({ app } = await makeTestApp({ env: printingEnv() }));
  made = await boardPackEvaluation(app);
  const res = await pageGet(app, made.owner.cookie, `/evaluations/${made.id}/report`);
  html = await res.text();
  expect(res.status, html.slice(0, 300)).toBe(200);
}, 60_000);

afterAll(async () => { await closePrinters(); });

describe('the board report’s sections with content (issue 14, item 7)', () => {
  test('decision: the chosen vendor, the reason, the approver’s verdict and comment, in the decision section itself', () => {
    const s = text(section('decision'));
    expect(s).toContain('Zeta');
    expect(s).toContain(BOARD_PACK.decision);
    expect(s).toContain(N.olga);
    expect(s).toContain(BOARD_PACK.approval);
    // Not just anywhere: the other vendors are not in the decision.
    expect(s).not.toContain('Acme CX');
    expect(s).not.toContain('Omega Ltd');
  });

  test('method: the weights and how they were voted (two votes, each method by its name)', () => {
    const s = text(section('method'));
    expect(s).toContain('Quality');
    expect(s).toContain('Support');
    expect(s).toContain(text(m.report.votesCounted(2, 2)));
    expect(s).toContain(`${m.voting.methodNames.points}: 1`);
    expect(s).toContain(`${m.voting.methodNames.rating}: 1`);
    // The codes the votes are stored with never show.
    expect(s).not.toContain('rating: 1');
    expect(s).not.toMatch(/(used:|,) points: 1/);
  });

  test('excluded and withdrawn: Omega with the failed must-have and the panel’s rationale, Wren with its withdrawal reason', () => {
    const s = text(section('excluded'));
    expect(s).toContain('Omega Ltd');
    expect(s).toContain('GDPR');
    expect(s).toContain(BOARD_PACK.mustHaveRationale);
    expect(s).toContain('Wren');
    expect(s).toContain(BOARD_PACK.withdrawn);
    expect(s).not.toContain(m.report.excludedNone);
  });

  test('conflicts: Carl’s declaration with its description, and the measure (kept away from Zeta) with its reason', () => {
    const s = section('conflicts');
    const measures = s.slice(s.indexOf(m.report.measures));
    expect(text(s.slice(0, s.indexOf(m.report.measures)))).toMatch(new RegExp(`${N.carl} ${m.report.conflict} ${BOARD_PACK.conflict}`));
    expect(text(s)).toContain(N.eva);
    expect(text(measures)).toContain(`${N.carl} Zeta ${BOARD_PACK.measure}`);
    expect(s).not.toContain(m.report.measuresNone);
  });

  test('consensus: the vendor, the criterion, the value, the rationale and who set it', () => {
    const s = text(section('consensus'));
    expect(s).toContain(`Acme CX Support 4.0 ${BOARD_PACK.consensus} ${N.owner}`);
    expect(s).toContain(`Omega Ltd GDPR 0.0 ${BOARD_PACK.mustHaveRationale} ${N.owner}`);
  });

  test('the PDF: the footer names the evaluation and the day it was made, on every page; the decision section names Zeta', async () => {
    const res = await pageGet(app, made.owner.cookie, `/evaluations/${made.id}/shortlist.pdf`);
    expect(res.status).toBe(200);
    const pdf = await pdfText(Buffer.from(await res.arrayBuffer()));
    const pages = pdf.split('\f').filter((p) => p.trim() !== '');
    const footer = m.report.footer(BOARD_PACK.name, day(new Date().toISOString()));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => expect(p.replace(/\s+/g, ' '), `page ${i + 1}`).toContain(footer));
    const flat = pdf.replace(/\s+/g, ' ');
    const decision = flat.slice(flat.indexOf(m.report.decision), flat.indexOf(m.report.method, flat.indexOf(m.report.decision)));
    expect(decision).toContain('Zeta');
    expect(decision).toContain(BOARD_PACK.decision);
  }, 60_000);
});
