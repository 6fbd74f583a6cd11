import { expect, test } from 'vitest';
import { api, addCriterion, addVendor, createEvaluation, makeTestApp } from '../setup/app.js';
import { pageGet, pagePost, signedInUser } from '../setup/pages.js';
import { m } from '../../views/messages/index.js';

// Issue 12, point 2: each save carries the "n of m cells" counter as an out-of-band swap; a refused
// value answers inside its cell, named by the input; the Overview ticks scoring only when all is scored.

async function fixture() {
  const { app } = await makeTestApp();
  const me = await signedInUser(app, `grid-${Math.random().toString(36).slice(2, 8)}@example.test`);
  const id = await createEvaluation(app, me.token, { template: 'blank', scale: { min: 0, max: 5 } });
  const c = [await addCriterion(app, me.token, id, { name: 'Journeys' }), await addCriterion(app, me.token, id, { name: 'Profiles' })];
  const v = [await addVendor(app, me.token, id, { name: 'Medallia' }), await addVendor(app, me.token, id, { name: 'Braze' })];
  expect((await api(app, me.token, 'PUT', `/api/v1/evaluations/${id}/weights`, { weights: { [c[0]!]: 0.5, [c[1]!]: 0.5 } })).status).toBe(200);
  expect((await api(app, me.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'scoring' })).status).toBe(200);
  const post = (vendorId: string, criterionId: string, value: string) =>
    pagePost(app, me.cookie, `/evaluations/${id}/scoring/cell`, { vendorId, criterionId, version: '0', value, comment: '' }, { 'hx-request': 'true' });
  const scoringStep = async () => {
    const html = await (await pageGet(app, me.cookie, `/evaluations/${id}`)).text();
    return /<li class="(step[^"]*)">(?:(?!<\/li>).)*cells scored by you/s.exec(html)?.[1];
  };
  return { app, me, id, c, v, post, scoringStep };
}

test('a saved cell answers with the counter as an out-of-band swap; a refused one answers in the cell', async () => {
  const f = await fixture();
  const saved = await f.post(f.v[0]!, f.c[0]!, '3');
  expect(saved.status).toBe(200);
  const html = await saved.text();
  expect(html).toContain(`<p class="progress-text" id="grid-progress" role="status" hx-swap-oob="true">${m.scoring.progress(1, 4)}</p>`);

  const refused = await f.post(f.v[1]!, f.c[0]!, '9');
  expect(refused.status).toBe(422);
  const bad = await refused.text();
  const msgId = `cell-msg-${f.v[1]}-${f.c[0]}`;
  expect(bad).toMatch(new RegExp(`<input name="value" class="score-input"[^>]*aria-describedby="${msgId}" aria-invalid="true"`));
  expect(bad).toContain(`<span class="cell-msg" id="${msgId}" role="alert">`);
  expect(bad).not.toContain('grid-progress');

  // The page: the counter in place, the comment toggle out of the Tab order, the help saying so.
  const page = await (await pageGet(f.app, f.me.cookie, `/evaluations/${f.id}/scoring`)).text();
  expect(page).toContain(`<p class="progress-text" id="grid-progress" role="status">${m.scoring.progress(1, 4)}</p>`);
  expect(page).toContain('<summary tabindex="-1"');
  expect(page).toContain(m.scoring.keys.replace('’', '&#39;').slice(0, 40));
});

test('the Overview ticks the scoring step only when every cell is scored', async () => {
  const f = await fixture();
  expect(await f.scoringStep()).toBe('step');
  expect((await f.post(f.v[0]!, f.c[0]!, '3')).status).toBe(200);
  expect(await f.scoringStep(), '1 of 4 is not done').toBe('step');
  for (const [v, c] of [[f.v[0]!, f.c[1]!], [f.v[1]!, f.c[0]!], [f.v[1]!, f.c[1]!]] as const) expect((await f.post(v, c, '2')).status).toBe(200);
  expect(await f.scoringStep(), '4 of 4 is done').toBe('step step-done');
});
