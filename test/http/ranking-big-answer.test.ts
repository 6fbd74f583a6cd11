import { beforeAll, expect, test } from 'vitest';
import { makeTestApp, type TestApp } from '../setup/app.js';
import { seedLandscape } from '../../seeds/landscape.js';
import { createApiToken } from '../../server/services/accounts.js';
import { BIG_ANSWER_ROWS } from '../../server/json-in-steps.js';

// A ranking of more than BIG_ANSWER_ROWS rows is written in steps (server/json-in-steps.ts): the
// client must get the same JSON as a small answer written at once, rows for rows.

let app: TestApp;
let token: string;
let id: number;
const VENDORS = BIG_ANSWER_ROWS + 150;

beforeAll(async () => {
  const made = await makeTestApp();
  app = made.app;
  const seeded = await seedLandscape(made.db, { vendors: VENDORS, criteria: 4, evaluators: 1, seed: 7 });
  id = seeded.evaluationId;
  token = (await createApiToken(made.db, seeded.facilitatorId, 'big')).token;
}, 60_000);

const get = (path: string) => app.request(path, { headers: { authorization: `Bearer ${token}` } });

test('a ranking of every vendor, streamed, holds the same rows as one written whole', async () => {
  const whole = await get(`/api/v1/evaluations/${id}/ranking?limit=${BIG_ANSWER_ROWS}`);
  const streamed = await get(`/api/v1/evaluations/${id}/ranking?limit=${VENDORS}`);
  expect(streamed.status).toBe(200);
  expect(streamed.headers.get('content-type')).toBe(whole.headers.get('content-type'));
  type Answer = { rows: { rank: number }[]; excluded: unknown[]; weights: unknown };
  const small = (await whole.json()) as Answer;
  const big = (await streamed.json()) as Answer;
  expect(big.rows.length).toBeGreaterThan(BIG_ANSWER_ROWS);
  expect(big.rows.slice(0, BIG_ANSWER_ROWS)).toEqual(small.rows);
  expect({ ...big, rows: [] }).toEqual({ ...small, rows: [] });
});

test('the shortlist JSON file of every vendor parses and lists them all', async () => {
  const res = await get(`/evaluations/${id}/shortlist.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toContain('.json');
  const body = (await res.json()) as { rows: unknown[] };
  expect(body.rows.length).toBe(VENDORS);
});

test('the ranking page of every vendor streams its rows in steps, all of them, in the reader’s language', async () => {
  const page = (lang: string) => app.request(`/evaluations/${id}/ranking?limit=all`, { headers: { authorization: `Bearer ${token}`, cookie: `cxb_lang=${lang}` } });
  for (const [lang, title] of [['en', '’s total is computed'], ['de', 'zusammensetzt']] as const) {
    const res = await page(lang);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const text = await res.text();
    expect(text).not.toContain('<!--in-steps');
    // One row a vendor in the ranking, one in its table of contributions.
    expect(text.match(/<td class="num rank-cell">/g)?.length).toBe(VENDORS);
    const contributions = text.slice(text.indexOf('class="contributions-table'), text.indexOf('</details>', text.indexOf('class="contributions-table')));
    expect(contributions.match(/<tr><th scope="row">/g)?.length).toBe(VENDORS);
    // Rows rendered after the handler returned are still in the request's language.
    const last = text.slice(text.lastIndexOf('<td class="num rank-cell">'));
    expect(last.slice(0, 600)).toContain(title);
    expect(text.trimEnd().endsWith('</html>')).toBe(true);
  }
});
