import { sql, type RawBuilder } from 'kysely';

/**
 * The score-cell aggregate, written once (ADR 008, ADR 009): a cell's figures recounted from its
 * scores and upserted into `score_cells` in one statement, the figures the domain's `aggregateCell`
 * computes. The prepared single-write path (`score-writes.ts`) and the Kysely paths (`scores.ts`:
 * `refreshCell`, `refreshCells`) both build their statement from the text below; only the
 * `where` differs.
 *
 * Grouped by (vendor, criterion) alone: a cell belongs to one evaluation, and this grouping is the
 * primary key's order, so SQLite needs no temporary b-tree for it. The evaluation is read as
 * `min(evaluation_id)` (one value per cell anyway): PostgreSQL does not accept the bare column, and
 * the same text then runs on both engines (issue 13).
 */
const INTO_SELECT = `insert into score_cells (evaluation_id, vendor_id, criterion_id, n, sum, min, max, pass, fail, na)
    select min(evaluation_id), vendor_id, criterion_id, count(value), coalesce(sum(value), 0), min(value), max(value),
      sum(case when value = 1 then 1 else 0 end), sum(case when value = 0 then 1 else 0 end), sum(case when value is null then 1 else 0 end)`;
const HEAD = `${INTO_SELECT}
    from scores where`;
const TAIL = `group by vendor_id, criterion_id
    on conflict (vendor_id, criterion_id) do update set n = excluded.n, sum = excluded.sum, min = excluded.min,
      max = excluded.max, pass = excluded.pass, fail = excluded.fail, na = excluded.na`;

/** Scores of an evaluator excluded from the vendor (a conflict of interest) are kept but do not count. */
export const COUNTED_SCORES = `not exists (select 1 from evaluator_exclusions x
      where x.evaluation_id = scores.evaluation_id and x.user_id = scores.evaluator_id and x.vendor_id = scores.vendor_id)`;

/** The aggregate upsert as SQL text, for a prepared statement; `where` holds its `?` placeholders. */
export const cellAggregateSql = (where: string): string => `${HEAD} ${where}
    ${TAIL}`;

/** The aggregate upsert as a Kysely raw query, with bound values in `where`. */
export const cellAggregateQuery = (where: RawBuilder<unknown>): RawBuilder<unknown> => sql`${sql.raw(HEAD)} ${where} ${sql.raw(TAIL)}`;

/**
 * The aggregate upsert over `source`, rows of (evaluation_id, vendor_id, criterion_id, value) in
 * place of the scores table: PostgreSQL's single write (ADR 047) counts the cell's other scores and
 * the row its own statement writes, which the statement's snapshot cannot see in the table yet.
 */
export const cellAggregateOverSql = (source: string): string => `${INTO_SELECT}
    from (${source}) as scores
    ${TAIL}`;
