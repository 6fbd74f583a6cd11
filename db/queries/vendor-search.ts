import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../client.js';
import type { Database, Vendor } from '../schema.js';
import { likeEscape } from './audit-search.js';

/**
 * Reading a longlist of thousands: filters, counts and one page at a time. Plain SQL for SQLite and
 * PostgreSQL alike: text search is LIKE with an explicit ESCAPE over lower-cased text (`name_key`
 * is the name lower-cased by JavaScript, so names also match beyond ASCII on SQLite).
 */

/** Which side of the screening to list: still in the running, screened out, or both. */
export type ScreenStatus = 'in' | 'out' | 'all';

export interface VendorFilter {
  /** Free text matched against name, category and description; blank for none. */
  q: string;
  /** One category exactly ('' = vendors without one), or null for any. */
  category: string | null;
  status: ScreenStatus;
}

export interface VendorFacets {
  total: number;
  in: number;
  out: number;
  /** Every category of the evaluation ('' for none) with its number of vendors, by name. */
  categories: { category: string; n: number }[];
}

const containsCi = (column: Expression<string>, pattern: string) => sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`;

/**
 * The WHERE clause of a filter over one evaluation's vendors, usable in a select or an update.
 * @example db.selectFrom('vendors').selectAll().where(vendorsMatching(7, { q: 'zen', category: null, status: 'in' }))
 */
export function vendorsMatching(evaluationId: number, f: VendorFilter) {
  return (eb: ExpressionBuilder<Database, 'vendors'>) => {
    const conds: Expression<SqlBool>[] = [eb('vendors.evaluation_id', '=', evaluationId)];
    if (f.category !== null) conds.push(eb('vendors.category', '=', f.category));
    if (f.status === 'in') conds.push(eb('vendors.screened_out', 'is', null));
    if (f.status === 'out') conds.push(eb('vendors.screened_out', 'is not', null));
    const needle = f.q.trim().toLowerCase();
    if (needle !== '') {
      const pattern = `%${likeEscape(needle)}%`;
      conds.push(eb.or([
        sql<SqlBool>`${eb.ref('vendors.name_key')} like ${pattern} escape '\\'`,
        containsCi(eb.ref('vendors.category'), pattern),
        containsCi(eb.ref('vendors.description'), pattern),
      ]));
    }
    return eb.and(conds);
  };
}

const active = sql<number>`sum(case when ${sql.ref('screened_out')} is null then 1 else 0 end)`;

/** Counts for the filter controls: all vendors, in and out of the running, and per category. */
export async function vendorFacets(db: Db, evaluationId: number): Promise<VendorFacets> {
  const rows = await db
    .selectFrom('vendors')
    .select((eb) => ['category', eb.fn.countAll<number>().as('n'), active.as('active')])
    .where('evaluation_id', '=', evaluationId)
    .groupBy('category')
    .orderBy('category')
    .execute();
  let total = 0;
  let inRunning = 0;
  const categories = rows.map((r) => {
    const n = Number(r.n);
    total += n;
    inRunning += Number(r.active ?? 0);
    return { category: r.category, n };
  });
  return { total, in: inRunning, out: total - inRunning, categories };
}

/** How many vendors match the text and category, on each side of the screening. */
export async function countMatching(db: Db, evaluationId: number, f: Omit<VendorFilter, 'status'>): Promise<{ in: number; out: number }> {
  const row = await db
    .selectFrom('vendors')
    .select((eb) => [eb.fn.countAll<number>().as('n'), active.as('active')])
    .where(vendorsMatching(evaluationId, { ...f, status: 'all' }))
    .executeTakeFirst();
  const n = Number(row?.n ?? 0);
  const inRunning = Number(row?.active ?? 0);
  return { in: inRunning, out: n - inRunning };
}

/** One page of the matching vendors, by name. */
export async function vendorPage(db: Db, evaluationId: number, f: VendorFilter, page: { limit: number; offset: number }): Promise<Vendor[]> {
  return db
    .selectFrom('vendors')
    .selectAll()
    .where(vendorsMatching(evaluationId, f))
    .orderBy('name_key')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
