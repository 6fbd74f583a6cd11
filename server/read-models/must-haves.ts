import type { Db } from '../../db/client.js';
import { criteriaOf, toNodes } from '../../db/queries/criteria.js';
import { vendorsInRunning } from '../../db/queries/vendors.js';
import { mustHaveCells } from '../../db/queries/score-cells.js';
import { mustHaveFailures, type MustHaveFailure } from '../domain/screening.js';
import type { Actor } from '../actor.js';
import { visibilityOf } from './visibility.js';
import { exclusionReason } from '../../views/must-have-reasons.js';

/** A vendor the must-have gate knocks out, with its reason in the reader's language: what the page lists and screening stores. */
export interface MustHaveCandidate extends MustHaveFailure { reason: string }

/**
 * The vendors in the running that fail a must-have, by the ranking's own gate, each with the
 * reason the ranking would give (plus the consensus rationale, as the ranking page adds it).
 */
export async function mustHaveCandidates(db: Db, evaluationId: number): Promise<MustHaveCandidate[]> {
  const [criteria, vendors, cells] = await Promise.all([
    criteriaOf(db, evaluationId),
    vendorsInRunning(db, evaluationId),
    mustHaveCells(db, evaluationId),
  ]);
  const rationales = new Map(cells.filter((c) => c.consensus_rationale).map((c) => [`${c.vendor_id}:${c.criterion_id}`, c.consensus_rationale!]));
  const failures = mustHaveFailures(
    toNodes(criteria),
    vendors.map((v) => ({ id: String(v.id), name: v.name })),
    cells.map((c) => ({ vendorId: String(c.vendor_id), criterionId: String(c.criterion_id), count: c.n, sum: c.sum, pass: c.pass, fail: c.fail, consensus: c.consensus })),
  );
  return failures.map((f) => ({ ...f, reason: exclusionReason({ why: f.why, rationale: rationales.get(`${f.vendorId}:${f.criterionId}`) }) }));
}

/**
 * `mustHaveCandidates` as member `a` may read it: the gate counts the panel's pass/fail votes, so a
 * facilitator scoring blind (domain/rules/visibility.ts) gets null until they submit or review begins.
 */
export async function visibleMustHaveCandidates(db: Db, a: Actor): Promise<MustHaveCandidate[] | null> {
  return (await visibilityOf(db, a)).scores === 'all' ? mustHaveCandidates(db, a.evaluation.id) : null;
}
