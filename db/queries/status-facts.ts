import type { Db } from '../client.js';

/** Vendors still in the running: neither screened out nor withdrawn. */
const inRunning = (db: Db, evaluationId: number) =>
  db.selectFrom('vendors as v').where('v.evaluation_id', '=', evaluationId).where('v.screened_out', 'is', null).where('v.withdrawn_at', 'is', null);

/** How many vendors are in the running. */
export async function runningVendorCount(db: Db, evaluationId: number): Promise<number> {
  const row = await inRunning(db, evaluationId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Vendors in the running without a single score or consensus (first `limit` names, and how many). */
export async function unscoredVendors(db: Db, evaluationId: number, limit: number): Promise<{ count: number; names: string[] }> {
  const none = inRunning(db, evaluationId).where(({ not, exists, selectFrom }) => not(exists(
    selectFrom('score_cells as c').select('c.vendor_id').whereRef('c.vendor_id', '=', 'v.id').where((eb) => eb.or([eb('c.n', '>', 0), eb('c.consensus', 'is not', null)])),
  )));
  const [count, names] = await Promise.all([
    none.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    none.select('v.name').orderBy('v.name').limit(limit).execute(),
  ]);
  return { count: Number(count?.n ?? 0), names: names.map((r) => r.name) };
}

/**
 * Scorers who have not submitted, by name: every evaluator, and facilitators who have scored
 * something (a facilitator who only runs the evaluation hands nothing in). `except` leaves out the
 * member asking, whose closing scoring hands theirs in as they are.
 */
export async function unsubmittedScorers(db: Db, evaluationId: number, except: number): Promise<string[]> {
  const rows = await db.selectFrom('evaluation_members as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.name')
    .where('m.evaluation_id', '=', evaluationId).where('m.removed_at', 'is', null).where('m.user_id', '!=', except)
    .where(({ eb, or, and, exists, selectFrom }) => and([
      or([
        eb('m.role', '=', 'evaluator'),
        and([eb('m.role', '=', 'facilitator'), exists(selectFrom('score_counts as k').select('k.n').whereRef('k.evaluator_id', '=', 'm.user_id').where('k.evaluation_id', '=', evaluationId).where('k.n', '>', 0))]),
      ]),
      eb.not(exists(selectFrom('submissions as s').select('s.user_id').whereRef('s.user_id', '=', 'm.user_id').where('s.evaluation_id', '=', evaluationId))),
    ]))
    .orderBy('u.name').execute();
  return rows.map((r) => r.name);
}
