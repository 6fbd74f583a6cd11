import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, startServer } from '../setup/browser.js';
import type { BrowserWindow } from '../setup/browser-globals.js';
import { DEMO_LOGIN } from '../../seeds/demo.js';
import { addEvaluationMember, createTeamMember } from '../../seeds/factories.js';
import { evaluationsForUser } from '../../db/queries/evaluations.js';
import { findUserByEmail, teamIdOf } from '../../db/queries/users.js';
import { evaluationPages, paramsFor } from '../setup/demo-pages.js';
import { signInOn } from '../setup/browser-people.js';

// Issue 12, point 3: every page of the demo evaluation fits a 390 px phone — the page itself never
// scrolls sideways (wide tables scroll inside their own box or become cards). Each page the app's
// route table serves under /evaluations/:id is opened by each role that can open it, at two stages
// (the demo's main evaluation in review, one mid-scoring, and a decided one).
// PHONE_SHOTS=/some/dir also saves a screenshot of each page there, to look at.

const WIDTH = 390;
let browser: Browser;
let server: Awaited<ReturnType<typeof startServer>>;
let evaluationId: number;
let params: Record<string, string>;
const roles: Record<string, BrowserContext> = {};

beforeAll(async () => {
  server = await startServer({ demo: true });
  const demo = (await findUserByEmail(server.db, DEMO_LOGIN.email))!;
  evaluationId = (await evaluationsForUser(server.db, demo.id))[0]!.id;
  const teamId = await teamIdOf(server.db, demo.id);
  for (const role of ['stakeholder', 'observer'] as const) {
    const { userId } = await createTeamMember(server.db, teamId, { email: `${role}@cxbench.test`, name: `A ${role}`, password: DEMO_LOGIN.password });
    await addEvaluationMember(server.db, evaluationId, userId, role);
  }
  params = await paramsFor(server.db, evaluationId);
  browser = await launchChromium();
  const people = { facilitator: DEMO_LOGIN.email, evaluator: 'eli@cxbench.test', stakeholder: 'stakeholder@cxbench.test', observer: 'observer@cxbench.test' };
  await Promise.all(Object.entries(people).map(async ([role, email]) => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 844 } });
    // Widths come from HTML and CSS; skipping the scripts keeps the sweep fast (htmx is not needed to measure).
    await context.route(/\.js(\?.*)?$/, (route) => route.abort());
    const page = await context.newPage();
    await signInOn(page, server.base, email, DEMO_LOGIN.password);
    await page.close();
    roles[role] = context;
  }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens each page as each role and returns the ones wider than the phone, with what sticks out. */
async function overflows(stage: string): Promise<string[]> {
  const found: string[] = [];
  const paths = evaluationPages(server.routes, params);
  await Promise.all(Object.entries(roles).map(async ([role, context]) => {
    const page = await context.newPage();
    for (const path of paths) {
      const res = await page.goto(`${server.base}${path}`);
      // Only pages this role can open: a 403/404 page is someone else's.
      if (!res || res.status() >= 400 || !(res.headers()['content-type'] ?? '').includes('text/html')) continue;
      // A fragment route (htmx polls it into a page) is not a page of its own.
      if (!(await res.text()).toLowerCase().startsWith('<!doctype')) continue;
      const wide = await page.evaluate((width) => {
        const { document } = globalThis as unknown as BrowserWindow;
        if (document.documentElement.scrollWidth <= width) return null;
        const culprits = Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().right > width + 0.5).slice(-3);
        return `${document.documentElement.scrollWidth}px: ${culprits.map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')}`).join(', ')}`;
      }, WIDTH);
      if (wide) found.push(`${stage} ${role} ${path} is ${wide}`);
      if (process.env.PHONE_SHOTS) await page.screenshot({ path: `${process.env.PHONE_SHOTS}/${stage}-${role}${path.replace(/\//g, '_')}.png`, fullPage: true });
    }
    await page.close();
  }));
  return found.sort();
}

test('every page of the demo evaluations fits 390 px, for every role: in review, mid-scoring and decided', async () => {
  // The demo's main evaluation is seeded in review (ranking, review, voting results and feedback
  // full); a second is caught mid-scoring (the grid, the panel's progress, a deadline); a third is
  // decided and approved, so the decision pages are swept too.
  const review = await overflows('review');
  const demo = (await findUserByEmail(server.db, DEMO_LOGIN.email))!;
  const mine = await evaluationsForUser(server.db, demo.id);
  const found: string[] = [];
  for (const stage of ['scoring', 'decided'] as const) {
    params = await paramsFor(server.db, mine.find((e) => e.status === stage)!.id);
    found.push(...await overflows(stage));
  }
  expect([...review, ...found]).toEqual([]);
}, 300_000);
