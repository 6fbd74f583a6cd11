import type { Insertable } from 'kysely';
import type { Db } from '../client.js';
import type { MailOutboxTable } from '../schema.js';

export type NewMail = Omit<Insertable<MailOutboxTable>, 'id' | 'attempts' | 'claimed_at' | 'sent_at' | 'failed_at' | 'last_error'>;

export async function insertMails(db: Db, rows: NewMail[]): Promise<number[]> {
  if (rows.length === 0) return [];
  return (await db.insertInto('mail_outbox').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Messages not sent yet whose last claim (if any) is older than `staleBefore`, oldest first. */
export async function pendingMailIds(db: Db, staleBefore: string, limit: number, ids?: number[]): Promise<number[]> {
  let q = db.selectFrom('mail_outbox').select('id').where('sent_at', 'is', null).where('attempts', '<', 5)
    .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', staleBefore)]));
  if (ids) q = q.where('id', 'in', ids.length ? ids : [-1]);
  return (await q.orderBy('id').limit(limit).execute()).map((r) => r.id);
}

/** Claims one message for this sender: a conditional update, so two processes never send it twice. */
export async function claimMail(db: Db, id: number, at: string, staleBefore: string) {
  const r = await db.updateTable('mail_outbox').set((eb) => ({ claimed_at: at, attempts: eb('attempts', '+', 1) })).where('id', '=', id).where('sent_at', 'is', null)
    .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', staleBefore)])).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return undefined;
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markMailSent(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ sent_at: at, failed_at: null, last_error: null }).where('id', '=', id).execute();
}

/** Blanks a sent message's bodies (its subject and address stay, to show it went out). */
export async function redactMailBodies(db: Db, id: number): Promise<void> {
  const note = '(removed once sent: it held a single-use link)';
  await db.updateTable('mail_outbox').set({ text_body: note, html_body: note }).where('id', '=', id).execute();
}

/** A failed attempt: kept for a retry (the claim is released) and shown to the facilitator. */
export async function markMailFailed(db: Db, id: number, at: string, error: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ failed_at: at, last_error: error.slice(0, 500), claimed_at: null }).where('id', '=', id).execute();
}

export async function mailsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('mail_outbox').select(['id', 'to_address', 'sent_at', 'failed_at', 'last_error']).where('id', 'in', ids).execute();
}

/** The evaluation's messages that failed and are not sent yet: what the panel page warns about. */
export async function failedMailsOf(db: Db, evaluationId: number) {
  return db.selectFrom('mail_outbox').select(['id', 'kind', 'to_address', 'failed_at', 'last_error']).where('evaluation_id', '=', evaluationId)
    .where('sent_at', 'is', null).where('failed_at', 'is not', null).orderBy('id').execute();
}
