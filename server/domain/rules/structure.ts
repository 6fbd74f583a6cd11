import type { Status as EvaluationStatus } from '../permissions.js';

/**
 * From scoring on, the criteria tree and the vendor list hold still: scores, weights and the
 * record refer to them. Renaming and describing stay open (ADR 014); deleting, moving, adding a
 * criterion and changing its kind do not, and a vendor is withdrawn instead of deleted.
 */
export type StructureChange = 'delete-criterion' | 'move-criterion' | 'add-criterion' | 'change-kind' | 'delete-vendor';

const FROZEN: ReadonlySet<EvaluationStatus> = new Set(['scoring', 'review', 'decided']);

/** Whether the structure is frozen at `status`. */
export const isStructureFrozen = (status: EvaluationStatus): boolean => FROZEN.has(status);

/** `'structure_frozen'` when `change` is not allowed at `status`, else null. */
export function structureChangeRefusal(status: EvaluationStatus, _change: StructureChange): 'structure_frozen' | null {
  return isStructureFrozen(status) ? 'structure_frozen' : null;
}

/** A weight change from scoring on needs a reason, so the ranking can say why it moved. */
export const weightChangeNeedsReason = (status: EvaluationStatus): boolean => status === 'scoring' || status === 'review';
