import type { Db } from '../../db/client.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { panelMembersOf } from '../../db/queries/members.js';
import { declarationsOf, exclusionsOf, submissionsOf } from '../../db/queries/panel.js';
import { assignmentsOf } from '../../db/queries/assignments.js';
import { vendorCountOf } from '../../db/queries/vendors.js';
import { scoreCountsByEvaluator } from '../../db/queries/scores.js';
import { leavesOf } from '../domain/criteria-tree.js';

/** What an evaluator is asked to score: vendor ids and leaf ids, or null for "all". */
export interface Scope { vendors: Set<number> | null; leaves: Set<number> | null }

/**
 * An evaluator's scope from their assignments: the vendors named (all, if any assignment names
 * none) × the leaves under the criteria named (all, likewise). No assignments → everything.
 */
export async function scopeOf(db: Db, evaluationId: number, userId: number): Promise<Scope> {
  const rows = await assignmentsOf(db, evaluationId, userId);
  if (rows.length === 0) return { vendors: null, leaves: null };
  const vendors = rows.some((r) => r.vendor_id === null) ? null : new Set(rows.map((r) => r.vendor_id!));
  if (rows.some((r) => r.criterion_id === null)) return { vendors, leaves: null };
  const criteria = await criteriaOf(db, evaluationId);
  const named = new Set(rows.map((r) => r.criterion_id!));
  const leaves = leavesOf(criteria).filter((c) => named.has(c.id) || (c.parent_id !== null && named.has(c.parent_id)));
  return { vendors, leaves: new Set(leaves.map((c) => c.id)) };
}

/** Each scorer's declaration, submission and progress (cells scored / cells in scope). */
export async function panelProgress(db: Db, evaluationId: number) {
  const [members, criteria, vendorCount, declarations, submissions, exclusions, counts] = await Promise.all([
    panelMembersOf(db, evaluationId),
    criteriaOf(db, evaluationId),
    vendorCountOf(db, evaluationId),
    declarationsOf(db, evaluationId),
    submissionsOf(db, evaluationId),
    exclusionsOf(db, evaluationId),
    scoreCountsByEvaluator(db, evaluationId),
  ]);
  const leafCount = leavesOf(criteria).filter((c) => c.kind !== 'cost').length;
  const scored = counts;
  const out = [];
  for (const m of members) {
    const scorer = m.role === 'evaluator' || m.role === 'facilitator';
    const scope = scorer ? await scopeOf(db, evaluationId, m.id) : null;
    const assigned = scope ? (scope.vendors?.size ?? vendorCount) * (scope.leaves?.size ?? leafCount) : 0;
    const d = declarations.find((x) => x.user_id === m.id);
    out.push({
      ...m, scorer, assigned, scored: scored.get(m.id) ?? 0,
      declaration: d ? { conflict: d.conflict === 1, description: d.description } : null,
      submittedAt: submissions.find((x) => x.user_id === m.id)?.submitted_at ?? null,
      exclusions: exclusions.filter((x) => x.user_id === m.id),
    });
  }
  return out;
}
