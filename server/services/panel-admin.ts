import type { Db } from '../../db/client.js';
import { auditAs } from './audit-as.js';
import { criterionIn } from '../../db/queries/criteria.js';
import { currentMemberOf as memberOf, updateMember } from '../../db/queries/members.js';
import { revokeInvitesOf } from '../../db/queries/invites.js';
import { deleteExclusion, insertExclusion, isExcluded } from '../../db/queries/panel.js';
import { assignmentIn, deleteAssignment, insertAssignment } from '../../db/queries/assignments.js';
import { vendorIn } from '../../db/queries/vendors.js';
import { refreshVendorCells } from '../../db/queries/scores.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { nowIso } from '../time.js';
import { m } from '../../views/messages/index.js';
import type { Actor } from '../actor.js';
import { m as msg } from '../../views/messages/index.js';

/**
 * Removes a member. The row is only marked: the scores they gave, their declaration and their vote
 * stay on record, because a decision must remain explainable after people leave the panel.
 */
export async function removeMember(db: Db, a: Actor, userId: number): Promise<void> {
  if (userId === a.userId) throw conflict('cannot_remove_self', msg.errors.cannotRemoveSelf);
  await db.transaction().execute(async (trx) => {
    const m = await memberOf(trx, a.evaluation.id, userId);
    if (!m) throw notFound('member');
    await updateMember(trx, a.evaluation.id, userId, { removed_at: nowIso() });
    await revokeInvitesOf(trx, a.evaluation.id, userId, nowIso());
    await auditAs(trx, a, 'remove', 'member', userId, { role: m.role, groupId: m.group_id }, { removed: true });
  });
}

/** Keeps an evaluator away from one vendor (a declared conflict); their scores for it stop counting. */
export async function excludeEvaluator(db: Db, a: Actor, input: { userId: number; vendorId: number; reason: string }): Promise<void> {
  // The reason is the record of the conflict; every caller (API, page, seeds) goes through here.
  if (input.reason.trim() === '') throw badRequest(m.validation.exclusionReason, { reason: m.validation.exclusionReason });
  await db.transaction().execute(async (trx) => {
    const m = await memberOf(trx, a.evaluation.id, input.userId);
    if (!m) throw notFound('member');
    if (!(await vendorIn(trx, a.evaluation.id, input.vendorId))) throw notFound('vendor');
    if (await isExcluded(trx, a.evaluation.id, input.userId, input.vendorId)) throw conflict('already_excluded', msg.errors.alreadyExcluded);
    await insertExclusion(trx, { evaluationId: a.evaluation.id, userId: input.userId, vendorId: input.vendorId, reason: input.reason, by: a.userId, at: nowIso() });
    await refreshVendorCells(trx, a.evaluation.id, input.vendorId);
    await auditAs(trx, a, 'exclude', 'member', input.userId, undefined, { vendorId: input.vendorId, reason: input.reason });
  });
}

export async function liftExclusion(db: Db, a: Actor, userId: number, vendorId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await deleteExclusion(trx, a.evaluation.id, userId, vendorId))) throw notFound('exclusion');
    await refreshVendorCells(trx, a.evaluation.id, vendorId);
    await auditAs(trx, a, 'lift-exclusion', 'member', userId, { vendorId }, undefined);
  });
}

/** Assigns an evaluator to a vendor, a criterion (a top-level one covers its sub-criteria), or both. */
export async function addAssignment(db: Db, a: Actor, input: { userId: number; vendorId?: number | undefined; criterionId?: number | undefined }): Promise<number> {
  if (input.vendorId === undefined && input.criterionId === undefined) throw badRequest(msg.errors.chooseVendorOrCriterion, { vendorId: msg.errors.chooseVendorOrCriterionField });
  return db.transaction().execute(async (trx) => {
    const m = await memberOf(trx, a.evaluation.id, input.userId);
    if (!m || (m.role !== 'evaluator' && m.role !== 'facilitator')) throw notFound('evaluator');
    if (input.vendorId !== undefined && !(await vendorIn(trx, a.evaluation.id, input.vendorId))) throw notFound('vendor');
    if (input.criterionId !== undefined && !(await criterionIn(trx, a.evaluation.id, input.criterionId))) throw notFound('criterion');
    const id = await insertAssignment(trx, { evaluationId: a.evaluation.id, userId: input.userId, vendorId: input.vendorId ?? null, criterionId: input.criterionId ?? null, at: nowIso() });
    await auditAs(trx, a, 'assign', 'member', input.userId, undefined, { vendorId: input.vendorId ?? null, criterionId: input.criterionId ?? null });
    return id;
  });
}

export async function removeAssignment(db: Db, a: Actor, assignmentId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await assignmentIn(trx, a.evaluation.id, assignmentId);
    if (!row) throw notFound('assignment');
    await deleteAssignment(trx, assignmentId);
    await auditAs(trx, a, 'unassign', 'member', row.user_id, { vendorId: row.vendor_id, criterionId: row.criterion_id }, undefined);
  });
}
