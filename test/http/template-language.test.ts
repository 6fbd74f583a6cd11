import { expect, test } from 'vitest';
import { api, makeTestApp, signupUser } from '../setup/app.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { CXM_CORE } from '../../server/content/templates.js';

// Issue 16: the built-in template and its rubrics are translated; what a team types stays as typed.
async function createIn(app: Awaited<ReturnType<typeof makeTestApp>>['app'], token: string, lang: string, name: string) {
  const res = await app.request('/api/v1/evaluations', {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': lang },
    body: JSON.stringify({ name }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test('an evaluation created from the template by a German user starts with German criteria, descriptions and rubrics', async () => {
  const { app, db } = await makeTestApp();
  const user = await signupUser(app);
  const de = await createIn(app, user.token, 'de', 'Auswahl 2027');
  const rows = await criteriaOf(db, Number(de));
  const coverage = rows.find((c) => c.name === 'Kanalabdeckung')!;
  expect(coverage).toBeDefined();
  expect(coverage.description).toContain('Breite der nativ bedienten');
  expect(JSON.parse(coverage.rubric!)).toEqual(expect.arrayContaining(['Nur ein einziger Kanal']));
  expect(rows.filter((c) => c.parent_id === null).map((c) => c.name)).toEqual(['Omnichannel', 'Echtzeitdaten', 'Integration', 'Analytik', 'Datenschutz & Vertrauen']);
  expect(rows).toHaveLength(CXM_CORE.reduce((n, c) => n + 1 + c.children.length, 0));

  // The team's own edit stays exactly as typed, whatever language the editor reads.
  const renamed = await app.request(`/api/v1/evaluations/${de}/criteria/${coverage.id}`, {
    method: 'PATCH', headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json', 'accept-language': 'pl' },
    body: JSON.stringify({ name: 'Channel coverage (our words)' }),
  });
  expect(renamed.status).toBeLessThan(300);
  const listed = await api(app, user.token, 'GET', `/api/v1/evaluations/${de}/criteria`);
  expect(listed.json.criteria.map((c: { name: string }) => c.name)).toContain('Channel coverage (our words)');
});

test('in Polish and Dutch the template is theirs; in English it is the source', async () => {
  const { app, db } = await makeTestApp();
  const user = await signupUser(app);
  const pl = (await criteriaOf(db, Number(await createIn(app, user.token, 'pl', 'Wybór')))).map((c) => c.name);
  expect(pl).toContain('Prywatność i zaufanie');
  const nl = (await criteriaOf(db, Number(await createIn(app, user.token, 'nl-NL', 'Keuze')))).map((c) => c.name);
  expect(nl).toContain('Privacy en vertrouwen');
  const en = (await criteriaOf(db, Number(await createIn(app, user.token, 'en', 'Choice')))).map((c) => c.name);
  expect(en).toContain('Privacy & trust');
  expect(en).toContain('Channel coverage');
});

test('the default stakeholder groups are created in the creator’s language, then kept as the team’s data', async () => {
  const { app, db } = await makeTestApp();
  const user = await signupUser(app);
  const groupsOf = async (id: string) => (await db.selectFrom('stakeholder_groups').select('name').where('evaluation_id', '=', Number(id)).orderBy('position').execute()).map((g) => g.name);
  expect(await groupsOf(await createIn(app, user.token, 'de', 'Auswahl'))).toEqual(['Marketing', 'E-Commerce', 'Technologie', 'Kundenservice', 'Daten']);
  expect(await groupsOf(await createIn(app, user.token, 'pl', 'Wybór'))).toEqual(['Marketing', 'E-commerce', 'Technologia', 'Obsługa klienta', 'Dane']);
  expect(await groupsOf(await createIn(app, user.token, 'en', 'Choice'))).toEqual(['Marketing', 'E-commerce', 'Technology', 'Customer service', 'Data']);
});
