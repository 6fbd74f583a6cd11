import { structureChangeRefusal, type StructureChange } from '../domain/rules/structure.js';
import { conflict } from '../errors.js';
import { m } from '../../views/messages/index.js';
import type { Actor } from '../actor.js';

/** The change as the message's select key. */
const WHY: Record<StructureChange, string> = {
  'delete-criterion': 'deleteCriterion',
  'move-criterion': 'moveCriterion',
  'add-criterion': 'addCriterion',
  'change-kind': 'changeKind',
  'delete-vendor': 'deleteVendor',
};

/** Throws 409 `structure_frozen` when `change` is not allowed at the evaluation's stage (rules/structure.ts). */
export function assertStructureOpen(a: Actor, change: StructureChange): void {
  if (structureChangeRefusal(a.evaluation.status, change)) {
    throw conflict('structure_frozen', m.errors.structureFrozen(a.evaluation.status, WHY[change]));
  }
}
