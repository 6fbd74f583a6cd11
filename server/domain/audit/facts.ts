/**
 * What an audit entry records and what it mentions, as the describers read it (issue 11). Pure:
 * the ids come from the entry, the names from a NameBook the caller reads beforehand.
 */

/** One entry as written: who, what and the parsed before/after. */
export interface AuditFacts {
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** The names an entry mentions, as they were when it was written (stored with it). */
export interface AuditNames {
  actor?: string;
  vendor?: string;
  criterion?: string;
  /** The member the entry concerns when that is not the actor (who acted on whose behalf). */
  member?: string;
  weightSet?: string;
}

/** Names by id, read for one entry or one page of entries. Weight sets are keyed by version. */
export interface NameBook {
  users: Map<number, string>;
  vendors: Map<number, string>;
  criteria: Map<number, string>;
  groups: Map<number, string>;
  weightSets: Map<number, string>;
}

/** The ids whose names a NameBook must hold. */
export type NameRefs = { [K in keyof NameBook]: Set<number> };

export const emptyBook = (): NameBook => ({ users: new Map(), vendors: new Map(), criteria: new Map(), groups: new Map(), weightSets: new Map() });
export const emptyRefs = (): NameRefs => ({ users: new Set(), vendors: new Set(), criteria: new Set(), groups: new Set(), weightSets: new Set() });

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A positive whole number from an id as stored (number or digits), else null. */
export function idOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** `"12:34"` → [12, 34] (a score cell's or a feedback answer's entity id). */
export function pairOf(entityId: string): [number, number] | null {
  const m = /^(\d{1,15}):(\d{1,15})$/.exec(entityId);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** The weight set name as people know it: its note, and always its version. */
export const weightSetName = (version: number, note: string): string => (note.trim() ? `${note.trim()} (version ${version})` : `version ${version}`);
