import { expect, test } from 'vitest';
import { addCriterion, addVendor, api, createEvaluation, makeTestApp } from '../setup/app.js';
import { pageGet, pagePost, signedInUser } from '../setup/pages.js';
import { withLocale } from '../../server/i18n/current.js';
import { parseCellValue } from '../../server/schemas/forms/scoring.js';

// Issue 16: the board report's record of the award and the grid's abstain word in the reader's language.
test('the record of the award lists art. 84 (a)–(j) and UK s. 98 in German', async () => {
  const { app } = await makeTestApp();
  const owner = await signedInUser(app, 'record-de@example.test');
  const id = await createEvaluation(app, owner.token, { template: 'blank' });
  const de = await (await pageGet(app, `${owner.cookie}; cxb_lang=de`, `/evaluations/${id}/report`)).text();
  expect(de).toContain('Die abgelehnten Bieter und die Gründe für ihre Ablehnung');
  expect(de).toContain('Aufzeichnungen, die jede wesentliche Entscheidung auf dem Weg zur Vergabe hinreichend erklären');
  expect(de).not.toContain('The tenderers rejected');
  const en = await (await pageGet(app, owner.cookie, `/evaluations/${id}/report`)).text();
  expect(en).toContain('The tenderers rejected and the reasons for rejecting them');
});

test('the grid accepts the English word and the reader’s own to abstain, and shows the reader’s', async () => {
  expect(withLocale('de', () => [parseCellValue('Enthaltung'), parseCellValue(' abstain '), parseCellValue('ENTHALTUNG')])).toEqual(['abstain', 'abstain', 'abstain']);
  expect(withLocale('pl', () => parseCellValue('wstrzymanie'))).toBe('abstain');
  expect(withLocale('en', () => parseCellValue('Enthaltung'))).toBe('invalid');

  const { app } = await makeTestApp();
  const owner = await signedInUser(app, 'abstain-de@example.test');
  const id = await createEvaluation(app, owner.token, { template: 'blank' });
  const criterion = await addCriterion(app, owner.token, id, { name: 'APIs' });
  const vendor = await addVendor(app, owner.token, id, { name: 'Alpha' });
  expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'scoring' })).status).toBe(200);
  const german = `${owner.cookie}; cxb_lang=de`;
  const saved = await pagePost(app, german, `/evaluations/${id}/scoring/cell`, { vendorId: vendor, criterionId: criterion, value: 'Enthaltung', comment: 'Keine Demo gesehen', version: '0' }, { 'hx-request': 'true' });
  expect(saved.status, await saved.clone().text()).toBe(200);
  expect((await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}/scores`)).json.scores[0]).toMatchObject({ value: null, abstainReason: 'Keine Demo gesehen' });
  expect(await (await pageGet(app, german, `/evaluations/${id}/scoring`)).text()).toContain('value="Enthaltung"');
  expect(await (await pageGet(app, owner.cookie, `/evaluations/${id}/scoring`)).text()).toContain('value="abstain"');
});
