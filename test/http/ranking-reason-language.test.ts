import { afterAll, beforeAll, expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, pageGet } from '../setup/pages.js';
import { closeHeavyPool, completedJobs } from '../../server/heavy/pool.js';

// The must-have gate gives data; the reader phrases it (issue 16 follow-up). A ranking computed in a
// pool thread and cached serves every language: each reader gets the exclusion reason in theirs,
// from one job.

let app: TestApp;
let token: string;
let cookie: string;
let id: string;
let gated: string;
const env = { ...process.env };

beforeAll(async () => {
  // Every heavy job goes to the pool and its cache, however small.
  process.env.HEAVY_INLINE_BELOW = '0';
  ({ app } = await makeTestApp());
  const owner = await signupUser(app);
  token = owner.token;
  cookie = await formLogin(app, owner.email, owner.password);
  id = await createEvaluation(app, token, { name: 'Reasons', template: 'blank' });
  const service = await addCriterion(app, token, id, { name: 'Service' });
  const gate = await addCriterion(app, token, id, { name: 'EU hosting', kind: 'must-have' });
  await addVendor(app, token, id, { name: 'Alpha' });
  gated = await addVendor(app, token, id, { name: 'Gated' });
  const batch = await api(app, token, 'POST', `/api/v1/evaluations/${id}/scores/batch`, { scores: [{ vendorId: gated, criterionId: gate, value: 0 }, { vendorId: gated, criterionId: service, value: 3 }] });
  expect(batch.status, batch.text).toBe(200);
});

afterAll(async () => {
  process.env = env;
  await closeHeavyPool();
});

async function excludedIn(lang: string): Promise<unknown> {
  const res = await app.request(`/api/v1/evaluations/${id}/ranking`, { headers: { authorization: `Bearer ${token}`, 'accept-language': lang } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { excluded: unknown }).excluded;
}

test('one pooled ranking, the exclusion reason in each reader’s language; the API’s shape unchanged', async () => {
  const before = completedJobs();
  expect(await excludedIn('en')).toEqual([{ vendorId: gated, name: 'Gated', reason: 'Failed must-have "EU hosting" (1 of 1 evaluators)' }]);
  expect(await excludedIn('de')).toEqual([{ vendorId: gated, name: 'Gated', reason: 'Muss-Kriterium „EU hosting“ nicht erfüllt (1 von 1 Bewerter:innen)' }]);
  expect(await excludedIn('pl')).toEqual([{ vendorId: gated, name: 'Gated', reason: 'Niespełniony wymóg obowiązkowy „EU hosting” (1 z 1 oceniających)' }]);
  // The three readers shared the one result the pool computed.
  expect(completedJobs() - before).toBe(1);
});

const EN = 'Failed must-have "EU hosting" (1 of 1 evaluators)';
const DE = 'Muss-Kriterium „EU hosting“ nicht erfüllt (1 von 1 Bewerter:innen)';

test.each([
  ['the ranking page', '/ranking'],
  ['the board report (and so its PDF)', '/report'],
])('%s lists the excluded vendor with the reason in the reader’s language', async (_name, path) => {
  for (const [lang, reason, other] of [['en', EN, DE], ['de', DE, EN]] as const) {
    const res = await pageGet(app, `${cookie}; cxb_lang=${lang}`, `/evaluations/${id}${path}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page, lang).toContain(esc(reason));
    expect(page, lang).not.toContain(esc(other));
  }
});
