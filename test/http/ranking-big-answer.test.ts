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
  const [small, big] = [await whole.json(), await streamed.json()] as { rows: { rank: number }[]; excluded: unknown[]; weights: unknown }[];
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
