import type { Db } from '../client.js';

/** The newest weight set of an evaluation with its stored (within-siblings) weights. */
export async function currentWeightSet(db: Db, evaluationId: number) {
  const set = await db
    .selectFrom('weight_sets')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  const entries = set
    ? await db.selectFrom('weight_entries').select(['criterion_id', 'weight']).where('weight_set_id', '=', set.id).execute()
    : [];
  const local = new Map<string, number>(entries.map((e) => [String(e.criterion_id), e.weight]));
  return { set: set ?? null, local };
}

/** Writes a new version of the weight set; earlier versions stay as they were. */
export async function insertWeightSet(
  db: Db,
  evaluationId: number,
  local: ReadonlyMap<string, number>,
  meta: { source: 'template' | 'direct' | 'vote'; note?: string; createdBy: number | null; at: string; reason?: string | null },
): Promise<{ id: number; version: number }> {
  const last = await db
    .selectFrom('weight_sets')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('evaluation_id', '=', evaluationId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const set = await db
    .insertInto('weight_sets')
    .values({ evaluation_id: evaluationId, version, source: meta.source, note: meta.note ?? '', created_by: meta.createdBy, created_at: meta.at, reason: meta.reason ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = [...local].map(([criterionId, weight]) => ({ weight_set_id: set.id, criterion_id: Number(criterionId), weight }));
  if (rows.length > 0) await db.insertInto('weight_entries').values(rows).execute();
  return { id: set.id, version };
}

/** One earlier version of an evaluation's weight set with its stored weights, or null. */
export async function weightSetByVersion(db: Db, evaluationId: number, version: number) {
  const set = await db.selectFrom('weight_sets').selectAll().where('evaluation_id', '=', evaluationId).where('version', '=', version).executeTakeFirst();
  if (!set) return null;
  const entries = await db.selectFrom('weight_entries').select(['criterion_id', 'weight']).where('weight_set_id', '=', set.id).execute();
  return { set, local: new Map<string, number>(entries.map((e) => [String(e.criterion_id), e.weight])) };
}

/** The version of the last weight set the votes made, or null before the first. */
export async function lastVoteVersion(db: Db, evaluationId: number): Promise<number | null> {
  const row = await db.selectFrom('weight_sets').select('version').where('evaluation_id', '=', evaluationId).where('source', '=', 'vote').orderBy('version', 'desc').executeTakeFirst();
  return row?.version ?? null;
}
