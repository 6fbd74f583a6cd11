import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../../db/client.js';
import { addCriterion, addVendor, api, createEvaluation, declareNoConflict, makeTestApp, signupUser, type TestApp } from '../setup/app.js';
import { formLogin, pageGet } from '../setup/pages.js';
import { usesWriterThread } from '../../server/score-writes/score-writer.js';
import { engineOf } from '../../db/dialect.js';

// Issue 11, "a readable record": every audit entry keeps a sentence with the names as they were.

type Entry = { action: string; entity: string; entityId: string; summary: string; summarySource: string; names: Record<string, string>; before: unknown; after: any };

let app: TestApp;
let db: Db;
let fiona: Awaited<ReturnType<typeof signupUser>>;
let eve: Awaited<ReturnType<typeof signupUser>>;
let id: string;
let medallia: string;
let zendesk: string;
let journeys: string;
let data: string;
let omni: string;

const base = () => `/api/v1/evaluations/${id}`;
async function entries(): Promise<Entry[]> {
  const res = await api(app, fiona.token, 'GET', `${base()}/audit`);
  expect(res.status, res.text).toBe(200);
  return res.json.entries;
}
const ok = async (p: Promise<{ status: number; text: string }>, status = 200) => { const r = await p; expect(r.status, r.text).toBe(status); };

beforeAll(async () => {
  // A file database, so single scores go through the writer thread (ADR 009) and its describer call.
  ({ app, db } = await makeTestApp({ file: true }));
  fiona = await signupUser(app, { name: 'Fiona Facilitator' });
  eve = await signupUser(app, { name: 'Eve Evaluator' });
  // Fiona runs the panel without scoring, so she reads everyone's entries before review (issue 11's rule).
  id = await createEvaluation(app, fiona.token, { template: 'blank' }, { declare: false });
  omni = await addCriterion(app, fiona.token, id, { name: 'Omnichannel' });
  journeys = await addCriterion(app, fiona.token, id, { name: 'Cross-channel journey orchestration', parentId: omni });
  data = await addCriterion(app, fiona.token, id, { name: 'Data' });
  medallia = await addVendor(app, fiona.token, id, { name: 'Medallia' });
  zendesk = await addVendor(app, fiona.token, id, { name: 'Zendesk' });
  await ok(api(app, fiona.token, 'POST', `${base()}/members`, { email: eve.email, role: 'evaluator' }), 201);
  await declareNoConflict(app, eve.token, id);
});

describe('each entry says what happened, in words', () => {
  test('a single score: who, which vendor, which criterion, before → after', async () => {
    await ok(api(app, eve.token, 'PUT', `${base()}/scores`, { vendorId: medallia, criterionId: journeys, value: 4 }));
    await ok(api(app, eve.token, 'PUT', `${base()}/scores`, { vendorId: medallia, criterionId: journeys, value: 3 }));
    // SQLite commits single writes on its writer thread; PostgreSQL has none (one pooled transaction each).
    expect(usesWriterThread(db)).toBe(engineOf(db) === 'sqlite');
    const scores = (await entries()).filter((e) => e.action === 'score');
    expect(scores.map((e) => e.summary)).toEqual([
      'Eve Evaluator scored Medallia on Cross-channel journey orchestration: – → 4',
      'Eve Evaluator scored Medallia on Cross-channel journey orchestration: 4 → 3',
    ]);
    expect(scores[0]).toMatchObject({ summarySource: 'recorded', names: { actor: 'Eve Evaluator', vendor: 'Medallia', criterion: 'Cross-channel journey orchestration' } });
  });

  test('a batch lists its cells with before → after, then a count of the rest', async () => {
    const scores = [
      { vendorId: zendesk, criterionId: data, value: 4 },
      { vendorId: medallia, criterionId: journeys, value: 5 },
      { vendorId: medallia, criterionId: data, value: null },
    ];
    await ok(api(app, eve.token, 'POST', `${base()}/scores/batch`, { scores }));
    const batch = (await entries()).find((e) => e.action === 'score-batch')!;
    expect(batch.summary).toBe('Eve Evaluator saved 3 scores: Zendesk / Data: – → 4; Medallia / Cross-channel journey orchestration: 3 → 5; Medallia / Data: – → N/A');
    // Eight cells: five listed, then how many more.
    const many = [zendesk, medallia].flatMap((v) => [journeys, data].map((c) => ({ vendorId: v, criterionId: c, value: 2 })));
    await ok(api(app, eve.token, 'POST', `${base()}/scores/batch`, { scores: [...many, ...many] }));
    const big = (await entries()).filter((e) => e.action === 'score-batch').at(-1)!;
    expect(big.summary).toMatch(/^Eve Evaluator saved 8 scores: Zendesk \/ Cross-channel journey orchestration: – → 2; .*; and 3 more$/);
    expect(big.summary.split('; ')).toHaveLength(6);
  });

  test('weights by criterion name in per cent; the weight set by name', async () => {
    await ok(api(app, fiona.token, 'PUT', `${base()}/weights`, { weights: { [omni]: 70, [data]: 30 } }));
    const w = (await entries()).find((e) => e.entity === 'weights')!;
    expect(w.summary).toMatch(/^Fiona Facilitator changed the weights \(version \d+\): Omnichannel 50 % → 70 %; Data 50 % → 30 %$/);
    expect(w.names.weightSet).toMatch(/^version \d+$/);
  });

  test('acting on another member names both', async () => {
    await ok(api(app, fiona.token, 'POST', `${base()}/exclusions`, { userId: eve.userId, vendorId: zendesk, reason: 'Former employee' }), 201);
    const ex = (await entries()).find((e) => e.action === 'exclude')!;
    expect(ex.summary).toBe("Fiona Facilitator excluded Eve Evaluator from scoring Zendesk: 'Former employee'");
    expect(ex.names).toMatchObject({ actor: 'Fiona Facilitator', member: 'Eve Evaluator', vendor: 'Zendesk' });
    const added = (await entries()).find((e) => e.action === 'add' && e.entity === 'member')!;
    expect(added.summary).toBe('Fiona Facilitator added Eve Evaluator as evaluator');
    expect(added.names.member).toBe('Eve Evaluator');
  });

  test('structure changes name the object, and an update says what changed', async () => {
    const all = await entries();
    expect(all.find((e) => e.entity === 'vendor' && e.action === 'create')!.summary).toBe("Fiona Facilitator added vendor 'Medallia'");
    expect(all.find((e) => e.entity === 'criterion' && e.entityId === journeys)!.summary)
      .toBe("Fiona Facilitator added criterion 'Cross-channel journey orchestration' under 'Omnichannel' (kind 'scored')");
  });
});

describe('renames after the fact do not rewrite the record', () => {
  test('the stored sentence and names stay as they were; the page and CSV show them too', async () => {
    const before = (await entries()).find((e) => e.action === 'score')!;
    await ok(api(app, fiona.token, 'PATCH', `${base()}/vendors/${medallia}`, { name: 'Medallia Experience Cloud' }));
    await ok(api(app, fiona.token, 'PATCH', `${base()}/criteria/${journeys}`, { name: 'Journeys' }));
    // No route renames a person yet; the record must not depend on that.
    await db.updateTable('users').set({ name: 'Eve Renamed' }).where('id', '=', Number(eve.userId)).execute();
    const all = await entries();
    const after = all.find((e) => e.action === 'score')!;
    expect(after.summary).toBe(before.summary);
    expect(after.names).toEqual(before.names);
    const rename = all.find((e) => e.entity === 'vendor' && e.action === 'update')!;
    expect(rename.summary).toBe("Fiona Facilitator changed vendor 'Medallia': name 'Medallia' → 'Medallia Experience Cloud'");
    expect(rename.names.vendor).toBe('Medallia Experience Cloud');

    const cookie = await formLogin(app, fiona.email, fiona.password);
    const html = await (await pageGet(app, cookie, `/evaluations/${id}/audit`)).text();
    expect(html).toContain('Eve Evaluator scored Medallia on Cross-channel journey orchestration: – → 4');
    const csv: string[][] = parse((await (await pageGet(app, cookie, `/evaluations/${id}/audit.csv?action=score`)).text()).replace(/^\uFEFF/, ''));
    expect(csv[1]!.slice(3, 7)).toEqual(['Medallia', 'Cross-channel journey orchestration', '', '']);
    expect(csv[1]![9]).toBe(before.summary);
  });

  test('an entry written before summaries is described from today’s names and marked so', async () => {
    await db.insertInto('audit_entries').values({
      team_id: 1, evaluation_id: Number(id), actor_id: Number(eve.userId), at: new Date().toISOString(), action: 'score', entity: 'score',
      entity_id: `${medallia}:${journeys}`, before: null, after: JSON.stringify({ value: 2 }), summary: null, names: null,
    }).execute();
    const old = (await entries()).at(-1)!;
    expect(old.summarySource).toBe('reconstructed');
    expect(old.summary).toMatch(/ scored Medallia Experience Cloud on Journeys: – → 2$/);
    const cookie = await formLogin(app, fiona.email, fiona.password);
    expect(await (await pageGet(app, cookie, `/evaluations/${id}/audit`)).text()).toContain('described with today');
  });
});
