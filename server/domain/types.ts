/** How a criterion contributes: weighted score, pass/fail gate, or price-derived score. */
export type CriterionKind = 'scored' | 'must-have' | 'cost';

/** One node of the two-level criteria tree (top level has parentId null). */
export interface CriterionNode { id: string; parentId: string | null; name: string; kind: CriterionKind; position: number }

/** Inclusive range evaluators score on. */
export interface Scale { min: number; max: number }

/** Aggregate of one vendor × leaf criterion cell, kept up to date on every score write. */
export interface CellAggregate { vendorId: string; criterionId: string; count: number; sum: number; pass: number; fail: number; consensus: number | null }

/** The slice of a vendor that ranking needs. */
export interface RankVendor { id: string; name: string; price: number | null }
