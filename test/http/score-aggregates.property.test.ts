import { beforeAll, expect, test } from 'vitest';
import fc from 'fast-check';
import { openSqlite, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { evaluationForMember } from '../../db/queries/evaluations.js';
import { aggregateCell } from '../../server/domain/score-values.js';
import { clearScore, saveBatch, saveScore } from '../../server/services/scores.js';
import { createEvaluation } from '../../server/services/evaluations.js';
import { addEvaluationMember, createTeamMember, createUserWithTeam } from '../../seeds/factories.js';
import { nowIso } from '../../server/time.js';

// Property (issue 6, ADR 003): whatever sequence of single writes, batch writes, clears, rejected
// batches and consensus settings happens, every score_cells row equals a full recomputation from
// the scores table, consensus survives, and the scores table matches a simple model of the rules.

const VENDORS = 4;
const EVALUATORS = 3;
// Leaf kinds: two scored (0–5), one must-have (0/1).
const KINDS = ['scored', 'scored', 'must-have'] as const;

let db: Db;
let team: { userId: number; teamId: number };
let people: number[];

beforeAll(async () => {
  db = openSqlite(':memory:');
  await migrateToLatest(db);
  const owner = await createUserWithTeam(db, { email: 'prop-owner@example.test', name: 'Owner', password: 'correct horse battery', teamName: 'Prop' });
  team = { userId: Number(owner.userId), teamId: Number(owner.teamId) };
  people = [team.userId];
  for (let i = 1; i < EVALUATORS; i++) {
    people.push((await createTeamMember(db, team.teamId, { email: `prop-e${i}@example.test`, name: `E${i}`, password: 'correct horse battery' })).userId);
  }
});

type Op =
  | { t: 'single'; who: number; v: number; c: number; value: number | null }
  | { t: 'batch'; who: number; items: { v: number; c: number; value: number | null }[] }
  | { t: 'bad-batch'; who: number; items: { v: number; c: number; value: number | null }[] }
  | { t: 'clear'; who: number; v: number; c: number }
  | { t: 'consensus'; v: number; c: number; value: number };

const scoredValue = fc.oneof(fc.constantFrom(0, 0.5, 1, 2.5, 3, 5, null), fc.double({ min: 0, max: 5, noNaN: true }));
const mustHaveValue = fc.constantFrom(0, 1, null);
const cellIndex = fc.record({ v: fc.nat(VENDORS - 1), c: fc.nat(KINDS.length - 1) });
const item = cellIndex.chain(({ v, c }) => (KINDS[c] === 'must-have' ? mustHaveValue : scoredValue).map((value) => ({ v, c, value })));
const who = fc.nat(EVALUATORS - 1);

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('single' as const), who, cell: item }).map(({ t, who, cell }) => ({ t, who, ...cell })),
  // Batches repeat cells on purpose: the last item wins and each item bumps the version.
  fc.record({ t: fc.constant('batch' as const), who, items: fc.array(item, { minLength: 1, maxLength: 25 }) }),
  fc.record({ t: fc.constant('bad-batch' as const), who, items: fc.array(item, { minLength: 1, maxLength: 5 }) }),
  fc.record({ t: fc.constant('clear' as const), who, cell: cellIndex }).map(({ t, who, cell }) => ({ t, who, ...cell })),
  fc.record({ t: fc.constant('consensus' as const), cell: cellIndex, value: fc.constantFrom(0, 1, 4) }).map(({ t, cell, value }) => ({ t, ...cell, value })),
);

/** A new evaluation with its vendors, leaves and evaluators; returns ids by index. */
async function freshEvaluation() {
  const evaluation = await createEvaluation(db, { id: team.userId, teamId: team.teamId }, { name: 'Property', template: 'blank', scale: { min: 0, max: 5 } });
  const at = nowIso();
  const criteria: number[] = [];
  for (const [i, kind] of KINDS.entries()) {
    criteria.push((await db.insertInto('criteria').values({ evaluation_id: evaluation.id, parent_id: null, name: `C${i}`, kind, created_at: at }).returning('id').executeTakeFirstOrThrow()).id);
  }
  const vendors: number[] = [];
  for (let i = 0; i < VENDORS; i++) {
    vendors.push((await db.insertInto('vendors').values({ evaluation_id: evaluation.id, name: `V${i}`, name_key: `v${i}`, price: null, screened_out: null, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id);
  }
  for (const p of people.slice(1)) await addEvaluationMember(db, evaluation.id, p, 'evaluator');
  // Everyone declares up front: score writes refuse members who have not (issue 5).
  await db.insertInto('declarations').values(people.map((p) => ({ evaluation_id: evaluation.id, user_id: p, conflict: 0, description: '', declared_at: at }))).execute();
  const actors = [];
  for (const p of people) actors.push({ ...(await evaluationForMember(db, evaluation.id, p))!, userId: p });
  return { evaluation, criteria, vendors, actors };
}

/** Every cell row against a recomputation from the scores table, and the scores against the model. */
async function check(evaluationId: number, model: Map<string, { value: number | null; version: number }>, consensus: Map<string, number>) {
  const scores = await db.selectFrom('scores').select(['vendor_id', 'criterion_id', 'evaluator_id', 'value', 'version']).where('evaluation_id', '=', evaluationId).execute();
  const stored = new Map(scores.map((s) => [`${s.vendor_id}:${s.criterion_id}:${s.evaluator_id}`, { value: s.value, version: s.version }]));
  expect(stored).toEqual(model);

  const byCell = new Map<string, (number | null)[]>();
  for (const s of scores) {
    const key = `${s.vendor_id}:${s.criterion_id}`;
    byCell.set(key, [...(byCell.get(key) ?? []), s.value]);
  }
  const cells = await db.selectFrom('score_cells').selectAll().where('evaluation_id', '=', evaluationId).execute();
  const seen = new Set<string>();
  for (const cell of cells) {
    const key = `${cell.vendor_id}:${cell.criterion_id}`;
    seen.add(key);
    const want = aggregateCell(byCell.get(key) ?? []);
    const { sum, ...exact } = want;
    expect({ n: cell.n, min: cell.min, max: cell.max, pass: cell.pass, fail: cell.fail, na: cell.na }, key).toEqual(exact);
    // Summation order may differ between SQL and JS; the mean must not.
    expect(Math.abs(cell.sum - sum), key).toBeLessThan(1e-9);
    expect(cell.consensus, key).toBe(consensus.get(key) ?? null);
  }
  for (const key of byCell.keys()) expect(seen.has(key), `cell ${key} has scores but no aggregate row`).toBe(true);
}

test('score_cells always equals a full recomputation from scores', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
      const { evaluation, criteria, vendors, actors } = await freshEvaluation();
      const model = new Map<string, { value: number | null; version: number }>();
      const consensus = new Map<string, number>();
      const key = (v: number, c: number, who: number) => `${vendors[v]}:${criteria[c]}:${people[who]}`;
      const write = (k: string, value: number | null) => model.set(k, { value, version: (model.get(k)?.version ?? 0) + 1 });
      for (const o of ops) {
        const actor = 'who' in o ? actors[o.who]! : actors[0]!;
        if (o.t === 'single') {
          await saveScore(db, actor, { vendorId: vendors[o.v]!, criterionId: criteria[o.c]!, value: o.value });
          write(key(o.v, o.c, o.who), o.value);
        } else if (o.t === 'batch') {
          const res = await saveBatch(db, actor, o.items.map((i) => ({ vendorId: vendors[i.v]!, criterionId: criteria[i.c]!, value: i.value })));
          expect(res).toEqual({ saved: o.items.length });
          for (const i of o.items) write(key(i.v, i.c, o.who), i.value);
        } else if (o.t === 'bad-batch') {
          // The last item is out of range: nothing of the batch may land.
          const items = [...o.items.map((i) => ({ vendorId: vendors[i.v]!, criterionId: criteria[i.c]!, value: i.value })), { vendorId: vendors[0]!, criterionId: criteria[0]!, value: 6 }];
          await expect(saveBatch(db, actor, items)).rejects.toMatchObject({ status: 400 });
        } else if (o.t === 'clear') {
          await clearScore(db, actor, vendors[o.v]!, criteria[o.c]!, undefined);
          model.delete(key(o.v, o.c, o.who));
        } else {
          // The consensus service is not there yet; it writes these columns on the cell, as review will.
          const v = vendors[o.v]!;
          const c = criteria[o.c]!;
          await db
            .insertInto('score_cells')
            .values({ evaluation_id: evaluation.id, vendor_id: v, criterion_id: c, consensus: o.value, consensus_rationale: 'agreed', consensus_by: team.userId, consensus_at: nowIso() })
            .onConflict((oc) => oc.columns(['vendor_id', 'criterion_id']).doUpdateSet({ consensus: o.value, consensus_rationale: 'agreed' }))
            .execute();
          consensus.set(`${v}:${c}`, o.value);
        }
      }
      await check(evaluation.id, model, consensus);
    }),
    { numRuns: 60 },
  );
}, 120_000);
