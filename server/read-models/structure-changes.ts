import type { Db } from '../../db/client.js';
import { withdrawnVendorsOf } from '../../db/queries/vendor-withdrawals.js';
import { weightChangesAfterScoring } from '../../db/queries/weight-history.js';

/** A vendor withdrawn after scoring opened: out of the ranking, scores kept. */
export interface WithdrawnVendor { vendorId: string; name: string; reason: string; by: string | null; at: string }
/** A weight change made after scoring began, with its reason. */
export interface WeightChange { version: number; by: string | null; at: string; reason: string }

export interface StructureChanges { withdrawn: WithdrawnVendor[]; weightChanges: WeightChange[] }

/**
 * What changed in the evaluation's structure after scoring opened, for the ranking and its
 * readers: withdrawn vendors and weight changes, each with who, when and why. Neither carries a
 * score, so every member who may read the ranking may read this.
 */
export async function structureChanges(db: Db, evaluationId: number): Promise<StructureChanges> {
  const [withdrawn, changes] = await Promise.all([withdrawnVendorsOf(db, evaluationId), weightChangesAfterScoring(db, evaluationId)]);
  return {
    withdrawn: withdrawn.map((v) => ({ vendorId: String(v.id), name: v.name, reason: v.reason ?? '', by: v.by, at: v.at ?? '' })),
    weightChanges: changes.map((w) => ({ version: w.version, by: w.by, at: w.at, reason: w.reason ?? '' })),
  };
}
