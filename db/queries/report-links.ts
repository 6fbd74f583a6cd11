import type { Insertable } from 'kysely';
import type { Db } from '../client.js';
import type { ReportLinksTable } from '../schema.js';

export async function insertReportLink(db: Db, row: Insertable<ReportLinksTable>): Promise<number> {
  return (await db.insertInto('report_links').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function reportLinkByTokenHash(db: Db, tokenHash: string) {
  return db.selectFrom('report_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function reportLinkOf(db: Db, evaluationId: number, id: number) {
  return db.selectFrom('report_links').selectAll().where('evaluation_id', '=', evaluationId).where('id', '=', id).executeTakeFirst();
}

/** The evaluation's links, newest first, with who made them. */
export async function reportLinksOf(db: Db, evaluationId: number) {
  return db.selectFrom('report_links as l').leftJoin('users as u', 'u.id', 'l.created_by')
    .select(['l.id', 'l.created_at', 'l.expires_at', 'l.revoked_at', 'l.uses', 'l.last_used_at', 'u.name as created_by_name'])
    .where('l.evaluation_id', '=', evaluationId).orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').execute();
}

/** Revokes a live link; false when it was already revoked (so a second DELETE writes nothing). */
export async function revokeReportLink(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db.updateTable('report_links').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Counts one opening, only while the link is live (the same conditional update decides "still
 * valid" and counts, so a link revoked a moment ago is not counted). The new count, or null.
 */
export async function countReportLinkUse(db: Db, id: number, at: string): Promise<number | null> {
  const r = await db.updateTable('report_links').set((eb) => ({ uses: eb('uses', '+', 1), last_used_at: at })).where('id', '=', id)
    .where('revoked_at', 'is', null).where('expires_at', '>', at).returning('uses').executeTakeFirst();
  return r?.uses ?? null;
}

/** Conflict-of-interest declarations with the declarer's name, for the board report. */
export async function declarationsWithNames(db: Db, evaluationId: number) {
  return db.selectFrom('declarations as d').innerJoin('users as u', 'u.id', 'd.user_id')
    .select(['d.user_id', 'u.name', 'd.conflict', 'd.description', 'd.declared_at'])
    .where('d.evaluation_id', '=', evaluationId).orderBy('u.name').execute();
}

/** Evaluator exclusions with both names, for the board report's "measures taken". */
export async function exclusionsWithNames(db: Db, evaluationId: number) {
  return db.selectFrom('evaluator_exclusions as x').innerJoin('vendors as v', 'v.id', 'x.vendor_id').innerJoin('users as u', 'u.id', 'x.user_id')
    .select(['u.name as evaluator', 'v.name as vendor', 'x.reason', 'x.created_at'])
    .where('x.evaluation_id', '=', evaluationId).orderBy('u.name').orderBy('v.name').execute();
}

/** Every consensus score with its rationale, the vendor and criterion names and who set it. */
export async function consensusRationales(db: Db, evaluationId: number) {
  return db.selectFrom('score_cells as s').innerJoin('vendors as v', 'v.id', 's.vendor_id').innerJoin('criteria as c', 'c.id', 's.criterion_id')
    .leftJoin('users as u', 'u.id', 's.consensus_by')
    .select(['v.name as vendor', 'c.name as criterion', 's.consensus', 's.consensus_rationale', 's.consensus_at', 'u.name as by'])
    .where('s.evaluation_id', '=', evaluationId).where('s.consensus_rationale', 'is not', null).orderBy('v.name').orderBy('c.name').execute();
}

/** The evaluation a link points at (the link, not a membership, is the caller's right to read it). */
export async function evaluationOfLink(db: Db, evaluationId: number) {
  return db.selectFrom('evaluations').selectAll().where('id', '=', evaluationId).executeTakeFirst();
}
