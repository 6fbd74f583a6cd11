import type { Db } from '../client.js';
import { emptyBook, weightSetName, type NameBook, type NameRefs } from '../../server/domain/audit/facts.js';

/**
 * The names of the users, vendors, criteria, groups and weight sets an audit entry (or a page of
 * entries) mentions, read in one round per kind that has ids. Inside the writing transaction this
 * is what the entry will keep; for entries written before migration 008 it is today's names.
 * Everything but users is read within the evaluation, so an id from elsewhere never lends a name.
 */
const CHUNK = 500;

async function byIds<T>(ids: Set<number>, read: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const all = [...ids];
  const out: T[] = [];
  for (let i = 0; i < all.length; i += CHUNK) out.push(...(await read(all.slice(i, i + CHUNK))));
  return out;
}

export async function auditNameBook(db: Db, evaluationId: number | null, refs: NameRefs): Promise<NameBook> {
  const book = emptyBook();
  const users = await byIds(refs.users, (ids) => db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute());
  for (const u of users) book.users.set(u.id, u.name || u.email);
  if (evaluationId === null) return book;
  const [vendors, criteria, groups, sets] = await Promise.all([
    byIds(refs.vendors, (ids) => db.selectFrom('vendors').select(['id', 'name']).where('evaluation_id', '=', evaluationId).where('id', 'in', ids).execute()),
    byIds(refs.criteria, (ids) => db.selectFrom('criteria').select(['id', 'name']).where('evaluation_id', '=', evaluationId).where('id', 'in', ids).execute()),
    byIds(refs.groups, (ids) => db.selectFrom('stakeholder_groups').select(['id', 'name']).where('evaluation_id', '=', evaluationId).where('id', 'in', ids).execute()),
    byIds(refs.weightSets, (ids) => db.selectFrom('weight_sets').select(['version', 'note']).where('evaluation_id', '=', evaluationId).where('version', 'in', ids).execute()),
  ]);
  for (const v of vendors) book.vendors.set(v.id, v.name);
  for (const c of criteria) book.criteria.set(c.id, c.name);
  for (const g of groups) book.groups.set(g.id, g.name);
  for (const s of sets) book.weightSets.set(s.version, weightSetName(s.version, s.note));
  return book;
}
