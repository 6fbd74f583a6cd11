import { expect, test } from 'vitest';
import { makeTestApp } from '../setup/app.js';
import { forEachScoreValue } from '../../db/queries/score-stream.js';
import { vendorIdsOf } from '../../db/queries/vendors.js';
import { seedLandscape } from '../../seeds/landscape.js';

// The whole-evaluation score read (Kendall's W, calibration) goes in steps sized by time (issue 15,
// promise 1): whatever the steps, every score with a value is visited exactly once, and other work
// runs between the steps.

test('every score with a value is visited once, with other work between the steps', async () => {
  const { db } = await makeTestApp();
  const { evaluationId } = await seedLandscape(db, { vendors: 400, criteria: 4, evaluators: 3, seed: 5 });
  // Two scores without a value (N/A), which the read leaves out.
  for (const s of await db.selectFrom('scores').select(['vendor_id', 'criterion_id', 'evaluator_id']).where('evaluation_id', '=', evaluationId).orderBy('vendor_id').limit(2).execute()) {
    await db.updateTable('scores').set({ value: null }).where('vendor_id', '=', s.vendor_id).where('criterion_id', '=', s.criterion_id).where('evaluator_id', '=', s.evaluator_id).execute();
  }

  const expected = (await db.selectFrom('scores').select(['vendor_id', 'criterion_id', 'evaluator_id', 'value'])
    .where('evaluation_id', '=', evaluationId).where('value', 'is not', null).execute())
    .map((r) => `${r.vendor_id}:${r.criterion_id}:${r.evaluator_id}:${r.value}`).sort();
  expect(expected.length).toBe(400 * 4 * 3 - 2);

  let turns = 0;
  let reading = true;
  const tick = () => { if (reading) { turns++; setImmediate(tick); } };
  setImmediate(tick);
  const seen: string[] = [];
  await forEachScoreValue(db, evaluationId, (v, c, e, value) => { seen.push(`${v}:${c}:${e}:${value}`); }, await vendorIdsOf(db, evaluationId));
  reading = false;

  expect(seen.sort()).toEqual(expected);
  // On SQLite the read yields between steps; PostgreSQL reads the evaluation in one query.
  if (!process.env.DATABASE_URL) expect(turns).toBeGreaterThan(1);
}, 60_000);
