import { idOf } from './facts.js';

/** How many cells a batch's sentence lists before "and N more". */
export const BATCH_LISTED = 5;

export type BatchCell = [vendorId: number, criterionId: number, value: number | null];

/** A score batch's `[[vendorId, criterionId, value], …]` as stored; anything else is skipped. */
export function batchCells(v: unknown): BatchCell[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x): BatchCell[] => {
    if (!Array.isArray(x)) return [];
    const [vendor, criterion, value] = [idOf(x[0]), idOf(x[1]), x[2]];
    return vendor !== null && criterion !== null && (typeof value === 'number' || value === null) ? [[vendor, criterion, value]] : [];
  });
}
