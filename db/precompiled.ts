import { CompiledQuery, type Compilable } from 'kysely';
import type { Db } from './client.js';

/**
 * A query built with Kysely once and then run as its compiled SQL with new values (ADR 009).
 * Building and compiling a query costs several times what running a short indexed lookup does;
 * the few queries that every request runs (who is calling, may they see this evaluation) skip it.
 *
 * Only for queries whose SQL never depends on the values, with each argument bound once, in
 * order. The first run checks that, so a query that breaks the rule fails loudly, not wrongly.
 * @example const byId = precompiled((db, id: number) => db.selectFrom('users').selectAll().where('id', '=', id))
 */
export function precompiled<A extends unknown[], R>(build: (db: Db, ...args: A) => Compilable<R> & { execute(): Promise<unknown[]> }) {
  // Per adapter class: another dialect would compile other SQL.
  const texts = new Map<unknown, string>();
  return async (db: Db, ...args: A): Promise<R[]> => {
    const adapter = db.getExecutor().adapter.constructor;
    let text = texts.get(adapter);
    if (text === undefined) {
      const compiled = build(db, ...args);
      // Equal arguments (user 1 in evaluation 1) cannot show the order they are bound in: run
      // this call as built, and learn the SQL from a call whose arguments tell apart.
      if (new Set(args).size < args.length) return (await compiled.execute()) as R[];
      const { sql, parameters } = compiled.compile();
      const same = parameters.length === args.length && parameters.every((p, i) => p === args[i]);
      if (!same) throw new Error(`precompiled: the query must bind its arguments once each, in order: ${sql}`);
      text = sql;
      texts.set(adapter, text);
    }
    return (await db.executeQuery<R>(CompiledQuery.raw(text, args))).rows;
  };
}
