import { beforeAll, describe, expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { esc, formLogin, pageGet } from '../setup/pages.js';

// Issue 16: the audit page reads in the reader's language, with the names each entry kept; the
// stored sentence (API, search) stays the English record.

let app: TestApp;
let id: string;
let cookie: string;
let fiona: Awaited<ReturnType<typeof signupUser>>;

const page = async (lang: string) => {
  const res = await pageGet(app, `${cookie}; cxb_lang=${lang}`, `/evaluations/${id}/audit`);
  expect(res.status).toBe(200);
  return res.text();
};

beforeAll(async () => {
  ({ app } = await makeTestApp());
  fiona = await signupUser(app, { name: 'Fiona Facilitator' });
  const eve = await signupUser(app, { name: 'Eve Evaluator' });
  id = await createEvaluation(app, fiona.token, { template: 'blank' }, { declare: false });
  const data = await addCriterion(app, fiona.token, id, { name: 'Data' });
  const medallia = await addVendor(app, fiona.token, id, { name: 'Medallia' });
  expect((await api(app, fiona.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: eve.email, role: 'evaluator' })).status).toBe(201);
  await declareNoConflict(app, eve.token, id);
  // Eve works in German: what is stored is still the English record.
  const scored = await app.request(`/api/v1/evaluations/${id}/scores`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${eve.token}`, 'content-type': 'application/json', 'accept-language': 'de', cookie: 'cxb_lang=de' },
    body: JSON.stringify({ vendorId: medallia, criterionId: data, value: 4 }),
  });
  expect(scored.status).toBe(200);
  // Renamed after the score: the score's sentence keeps the name it was written with.
  expect((await api(app, fiona.token, 'PATCH', `/api/v1/evaluations/${id}/vendors/${medallia}`, { name: 'Medallia Experience Cloud' })).status).toBe(200);
  cookie = await formLogin(app, fiona.email, fiona.password);
});

describe('the audit page in the reader’s language', () => {
  test('German: the sentences are German, the names as the entries kept them', async () => {
    const html = await page('de');
    expect(html).toContain(esc('Eve Evaluator hat Medallia bei Data bewertet: – → 4'));
    expect(html).toContain(esc('Fiona Facilitator hat Eve Evaluator als Bewerter:in hinzugefügt'));
    expect(html).not.toContain('Eve Evaluator scored Medallia');
  });

  test('Polish and Dutch come from their catalogues', async () => {
    expect(await page('pl')).toContain(esc('Eve Evaluator ocenił(a) dostawcę Medallia w kryterium Data: – → 4'));
    expect(await page('nl')).toContain(esc('Eve Evaluator heeft Medallia gescoord op Data: – → 4'));
  });

  test('English: the stored sentence, unchanged', async () => {
    expect(await page('en')).toContain(esc('Eve Evaluator scored Medallia on Data: – → 4'));
  });

  test('the API returns the stored English record, whoever wrote it in whatever language', async () => {
    const res = await app.request(`/api/v1/evaluations/${id}/audit`, { headers: { authorization: `Bearer ${fiona.token}`, 'accept-language': 'de', cookie: 'cxb_lang=de' } });
    const entries = ((await res.json()) as { entries: { action: string; summary: string }[] }).entries;
    expect(entries.find((e) => e.action === 'score')?.summary).toBe('Eve Evaluator scored Medallia on Data: – → 4');
  });
});
