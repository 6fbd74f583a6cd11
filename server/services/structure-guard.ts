import { structureChangeRefusal, type StructureChange } from '../domain/rules/structure.js';
import { conflict } from '../errors.js';
import type { Actor } from '../actor.js';

const WHY: Record<StructureChange, string> = {
  'delete-criterion': 'criteria cannot be deleted',
  'move-criterion': 'criteria cannot be moved in the tree',
  'add-criterion': 'criteria cannot be added',
  'change-kind': 'a criterion’s kind cannot change',
  'delete-vendor': 'vendors cannot be deleted (withdraw the vendor with a reason instead)',
};

/** Throws 409 `structure_frozen` when `change` is not allowed at the evaluation's stage (rules/structure.ts). */
export function assertStructureOpen(a: Actor, change: StructureChange): void {
  if (structureChangeRefusal(a.evaluation.status, change)) {
    throw conflict('structure_frozen', `Scoring has opened (the evaluation is in ${a.evaluation.status}), so ${WHY[change]}. Names and descriptions can still be edited.`);
  }
}
