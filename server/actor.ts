import type { EvaluationAccess } from '../db/queries/evaluations.js';

/**
 * Who is acting inside an evaluation: their access (evaluation, role) and user id. Services and
 * read models take it as their `a`/`p` argument. Declared here, apart from access.ts, so they
 * can name it without importing the Hono side of the gate.
 */
export type Actor = EvaluationAccess & { userId: number };
