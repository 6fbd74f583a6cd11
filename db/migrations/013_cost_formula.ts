import type { Kysely } from 'kysely';

// Frozen in time: the price formula is a choice recorded on the evaluation (issue 14, point 3; ADR 030).
//
// evaluations.cost_formula: how a price becomes a cost score — 'lowest-over-price' (lowest ÷ price,
// what every evaluation ranked with before), 'linear' or 'relative-to-average'. The default keeps
// existing evaluations ranking exactly as they did.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evaluations').addColumn('cost_formula', 'text', (c) => c.notNull().defaultTo('lowest-over-price')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evaluations').dropColumn('cost_formula').execute();
}
