import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { apiAt } from './browser-people.js';

/** The rule sets the accessibility claim rests on (docs/accessibility.md): WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One line per failing element of `page` as it is now: the rule, the element, the page's label. */
export async function axeFindings(page: Page, label: string): Promise<string[]> {
  // Wait for parts htmx fetches right after the page loads (the ranking's robustness card), so
  // they are checked as a reader meets them; a page without one passes at once.
  await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('[hx-trigger="load"]'), null, { timeout: 5_000 }).catch(() => undefined);
  // Legacy mode runs axe once in the page. The default splits the run per frame and finishes it in a
  // new blank page, injecting axe-core's 500 kB twice: 2–3× the time (the report 4.4 s against
  // 1.5 s, /account 0.9 against 0.5), and our pages have no frames for it to reach.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).withTags(WCAG_TAGS).options({ resultTypes: ['violations'] }).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${label}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`));
}

/**
 * A fresh evaluation in the voting stage, made through the API by the facilitator whose `token`
 * is given, with one stakeholder invited: returns its id and the stakeholder's personal link.
 */
export async function votingEvaluation(base: string, token: string, stakeholder: { email: string; name: string }): Promise<{ id: string; link: string }> {
  const json = apiAt(base);
  const ev = await json('POST', '/api/v1/evaluations', token, { name: 'Accessible voting', template: 'cxm-core' });
  const id = ev.body.id as string;
  const moved = await json('POST', `/api/v1/evaluations/${id}/status`, token, { status: 'voting' });
  if (moved.status !== 200) throw new Error(`voting did not open: ${JSON.stringify(moved.body)}`);
  const invite = await json('POST', `/api/v1/evaluations/${id}/invites`, token, stakeholder);
  if (invite.status !== 201) throw new Error(`no invitation: ${JSON.stringify(invite.body)}`);
  return { id, link: invite.body.link as string };
}
