import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../client.js';
import type { AuditEntry } from '../schema.js';

/**
 * Reading the audit trail with filters and keyset paging. Read-only by design: nothing here (or
 * anywhere) updates or deletes audit rows. The SQL is plain enough for SQLite and PostgreSQL:
 * `at` is ISO-8601 UTC text, so string comparison orders it; LIKE is made case-insensitive with
 * lower() on both sides and given an explicit ESCAPE.
 */

export interface AuditFilter {
  action?: string | undefined;
  entity?: string | undefined;
  actorId?: number | undefined;
  /** Inclusive lower bound on `at` (ISO-8601 UTC; see auditBound). */
  from?: string | undefined;
  /** Exclusive upper bound on `at` (ISO-8601 UTC; see auditBound). */
  to?: string | undefined;
  /** Free text matched against entity_id, action, entity, the before/after JSON and the sentence. */
  q?: string | undefined;
  /** Blind scoring: leave out entries about scores written by anyone but this user (read-models/audit-visibility.ts). */
  othersScoresHiddenFrom?: number | undefined;
}

/** The audit entities that carry a score's value or comment. */
export const SCORE_ENTITIES = ['score', 'score-cell'] as const;

export interface AuditPageRequest {
  /** 1–200; clamped. */
  limit: number;
  /** Only entries with a larger id (the cursor of the previous page, walking forward). */
  afterId?: number | undefined;
  /** Only entries with a smaller id. */
  beforeId?: number | undefined;
  /** `asc` (default): the oldest matching entries first. `desc`: the newest first (walking back from beforeId). */
  order?: 'asc' | 'desc';
}

/** An audit entry as listed: the entry without its team and evaluation, with the actor's name and email. */
export type AuditRow = Omit<AuditEntry, 'team_id' | 'evaluation_id'> & { actor_name: string | null; actor_email: string | null };

export interface AuditPageResult {
  rows: AuditRow[];
  /** Whether more entries match beyond the last row, in the direction of `order`. */
  more: boolean;
}

export const AUDIT_MAX_LIMIT = 200;

/** `%`, `_` and the escape character itself stand for themselves inside the LIKE pattern. */
export const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

const containsCi = (col: Expression<string | null>, needle: string) =>
  sql<SqlBool>`lower(${col}) like ${`%${likeEscape(needle.toLowerCase())}%`} escape '\\'`;

/** The evaluation's entries matching `f`; joins and columns are added by the caller. */
function filtered(db: Db, evaluationId: number, f: AuditFilter) {
  return db.selectFrom('audit_entries as a').where((eb) => {
    const all: Expression<SqlBool>[] = [eb('a.evaluation_id', '=', evaluationId)];
    if (f.action) all.push(eb('a.action', '=', f.action));
    if (f.entity) all.push(eb('a.entity', '=', f.entity));
    if (f.actorId !== undefined) all.push(eb('a.actor_id', '=', f.actorId));
    if (f.from) all.push(eb('a.at', '>=', f.from));
    if (f.to) all.push(eb('a.at', '<', f.to));
    if (f.othersScoresHiddenFrom !== undefined) {
      all.push(eb.or([eb('a.entity', 'not in', SCORE_ENTITIES), eb('a.actor_id', '=', f.othersScoresHiddenFrom)]));
    }
    const q = f.q?.trim();
    if (q) {
      all.push(eb.or([
        containsCi(eb.ref('a.entity_id'), q),
        containsCi(eb.ref('a.action'), q),
        containsCi(eb.ref('a.entity'), q),
        containsCi(eb.ref('a.before'), q),
        containsCi(eb.ref('a.after'), q),
        containsCi(eb.ref('a.summary'), q),
      ]));
    }
    return eb.and(all);
  });
}

const clampLimit = (n: number) => Math.max(1, Math.min(AUDIT_MAX_LIMIT, Math.floor(Number.isFinite(n) ? n : AUDIT_MAX_LIMIT)));

/**
 * One page of an evaluation's audit entries matching `filter`, by id (keyset, no OFFSET): ascending
 * from `afterId` by default, or descending from `beforeId` with `order: 'desc'`. Fetches one row
 * more than the limit to tell whether another page exists.
 */
export async function searchAudit(db: Db, evaluationId: number, filter: AuditFilter, page: AuditPageRequest): Promise<AuditPageResult> {
  const limit = clampLimit(page.limit);
  const order = page.order ?? 'asc';
  let query = filtered(db, evaluationId, filter)
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.action', 'a.entity', 'a.entity_id', 'a.before', 'a.after', 'a.summary', 'a.names', 'a.actor_id', 'u.name as actor_name', 'u.email as actor_email']);
  if (page.afterId !== undefined) query = query.where('a.id', '>', page.afterId);
  if (page.beforeId !== undefined) query = query.where('a.id', '<', page.beforeId);
  const rows = await query.orderBy('a.id', order).limit(limit + 1).execute();
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/** Whether any entry matching `filter` lies beyond `id` in that direction (for "Older"/"Newer" links). */
export async function auditExistsBeyond(db: Db, evaluationId: number, filter: AuditFilter, side: { afterId: number } | { beforeId: number }): Promise<boolean> {
  let query = filtered(db, evaluationId, filter).select('a.id');
  query = 'afterId' in side ? query.where('a.id', '>', side.afterId) : query.where('a.id', '<', side.beforeId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/** Characters of an entry's stored text: what reading, copying and writing it costs. */
export const auditRowChars = (r: AuditRow): number => (r.before?.length ?? 0) + (r.after?.length ?? 0) + (r.summary?.length ?? 0) + (r.names?.length ?? 0);

/** About what one page of `eachAudit` may read: a score batch's entry alone can hold 127,000 characters. */
export const AUDIT_PAGE_CHARS = 256 * 1024;
const FIRST_PAGE = 5;

/**
 * Every matching entry, oldest first, fetched a page at a time (for exports and the unpaged API).
 * Pages are sized by their text: better-sqlite3 reads a page in one synchronous call, and 200 of the
 * landscape's score-batch entries (25 MB of JSON) held the event loop for 100–250 ms (issue 15,
 * promise 1). A page starts small and doubles while the text stays under AUDIT_PAGE_CHARS.
 */
export async function* eachAudit(db: Db, evaluationId: number, filter: AuditFilter): AsyncGenerator<AuditRow> {
  let afterId: number | undefined;
  let limit = FIRST_PAGE;
  for (;;) {
    const { rows, more } = await searchAudit(db, evaluationId, filter, { limit, afterId });
    yield* rows;
    if (!more || rows.length === 0) return;
    afterId = rows[rows.length - 1]!.id;
    const perRow = rows.reduce((n, r) => n + auditRowChars(r), 0) / rows.length;
    limit = Math.max(1, Math.min(AUDIT_MAX_LIMIT, limit * 2, Math.floor(AUDIT_PAGE_CHARS / Math.max(1, perRow))));
  }
}

export interface AuditFacets {
  actions: string[];
  entities: string[];
  actors: { id: number; name: string; email: string }[];
}

/** The distinct actions, entities and people of an evaluation's audit trail, for the filter selects. */
export async function auditFacets(db: Db, evaluationId: number): Promise<AuditFacets> {
  const [actions, entities, actors] = await Promise.all([
    db.selectFrom('audit_entries').select('action').distinct().where('evaluation_id', '=', evaluationId).orderBy('action').execute(),
    db.selectFrom('audit_entries').select('entity').distinct().where('evaluation_id', '=', evaluationId).orderBy('entity').execute(),
    db
      .selectFrom('audit_entries as a')
      .innerJoin('users as u', 'u.id', 'a.actor_id')
      .select(['u.id', 'u.name', 'u.email'])
      .distinct()
      .where('a.evaluation_id', '=', evaluationId)
      .orderBy('u.name')
      .orderBy('u.email')
      .orderBy('u.id')
      .execute(),
  ]);
  return { actions: actions.map((r) => r.action), entities: entities.map((r) => r.entity), actors };
}

/**
 * A user-given date or timestamp as a bound on `at`: `YYYY-MM-DD` means that whole UTC day, so a
 * `from` date starts at its midnight and a `to` date ends at the next midnight (exclusive); a full
 * ISO timestamp is taken as is (a `to` timestamp includes that millisecond). Null when unparsable.
 */
export function auditBound(input: string, side: 'from' | 'to'): string | null {
  const s = input.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (day) {
    const d = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) return null;
    if (side === 'to') d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return null;
  const t = new Date(s);
  if (Number.isNaN(t.getTime())) return null;
  return side === 'to' ? new Date(t.getTime() + 1).toISOString() : t.toISOString();
}
