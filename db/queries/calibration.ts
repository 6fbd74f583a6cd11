import type { Db } from '../client.js';

// Evaluator calibration (issue 14, point 5; ADR 029, ADR 037). The scores themselves are read in
// steps by db/queries/score-stream.ts and aggregated in the heavy pool (read-models/calibration.ts);
// the two GROUP BY statements that did it here held the event loop for seconds on the landscape.

/** The names of users `ids` (the evaluators the calibration lists), by id. */
export async function userNamesOf(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
