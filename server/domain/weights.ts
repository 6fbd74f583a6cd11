import type { CriterionNode } from './types.js';
import { leavesOf, parentIdsOf } from './criteria-tree.js';

/** Weights derived from stored local shares; every criterion id appears in local and global. */
export interface ResolvedWeights {
  /** Share within its sibling set (0 when the criterion carries no weight). */
  local: Map<string, number>;
  /** Product of local shares from the root down. */
  global: Map<string, number>;
  /** Global weight of each weight-carrying leaf; these are what ranking multiplies scores by. */
  leaves: Map<string, number>;
}

// Stored and user-supplied weights come from forms and old rows; anything unusable must not poison a sum.
function clean(x: number | undefined): number {
  return x !== undefined && Number.isFinite(x) && x > 0 ? x : 0;
}

/** Scale values to sum 1; when nothing is positive every key gets an equal share. */
export function normalise(values: Record<string, number>): Record<string, number> {
  const keys = Object.keys(values);
  let sum = 0;
  for (const k of keys) sum += clean(values[k]);
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = sum > 0 ? clean(values[k]) / sum : 1 / keys.length;
  return out;
}

function siblingSets(criteria: readonly CriterionNode[]): Map<string | null, CriterionNode[]> {
  const sets = new Map<string | null, CriterionNode[]>();
  for (const c of criteria) {
    const set = sets.get(c.parentId);
    if (set) set.push(c);
    else sets.set(c.parentId, [c]);
  }
  return sets;
}

/**
 * Ids of criteria that carry weight: scored/cost leaves and every ancestor of one.
 * Must-have leaves gate rather than weigh, so a branch of only must-haves carries nothing.
 */
export function weightCarriers(criteria: readonly CriterionNode[]): Set<string> {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const parents = parentIdsOf(criteria);
  const carriers = new Set<string>();
  for (const c of criteria) {
    if (parents.has(c.id) || c.kind === 'must-have') continue;
    carriers.add(c.id);
    // Stopping at an already-marked ancestor also keeps a malformed cyclic tree from looping.
    let parent = c.parentId === null ? undefined : byId.get(c.parentId);
    while (parent && !carriers.has(parent.id)) {
      carriers.add(parent.id);
      parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
    }
  }
  return carriers;
}

/**
 * Shares for one sibling set of carriers. A member with no stored weight gets the mean of the
 * stored ones so a newly added criterion starts with an average share instead of nothing.
 */
function shareSet(ids: readonly string[], stored: (id: string) => number | undefined): Record<string, number> {
  let sum = 0;
  let known = 0;
  for (const id of ids) {
    const w = stored(id);
    if (w !== undefined) { sum += clean(w); known += 1; }
  }
  const fallback = known > 0 ? sum / known : 1;
  const values: Record<string, number> = {};
  for (const id of ids) {
    const w = stored(id);
    values[id] = w === undefined ? fallback : clean(w);
  }
  return normalise(values);
}

/** Turn stored (possibly partial, unnormalised) local weights into consistent local, global and leaf weights. */
export function resolveWeights(criteria: readonly CriterionNode[], local: ReadonlyMap<string, number>): ResolvedWeights {
  const carriers = weightCarriers(criteria);
  const localOut = new Map<string, number>();
  for (const members of siblingSets(criteria).values()) {
    const ids = members.filter((m) => carriers.has(m.id)).map((m) => m.id);
    const shares = shareSet(ids, (id) => local.get(id));
    for (const m of members) localOut.set(m.id, shares[m.id] ?? 0);
  }

  const byId = new Map(criteria.map((c) => [c.id, c]));
  const global = new Map<string, number>();
  const globalOf = (c: CriterionNode, depth: number): number => {
    const memo = global.get(c.id);
    if (memo !== undefined) return memo;
    const parent = c.parentId === null ? undefined : byId.get(c.parentId);
    // An orphan (parent missing) or a cycle has no path from the root, hence no global weight.
    const above = c.parentId === null ? 1 : parent && depth < criteria.length ? globalOf(parent, depth + 1) : 0;
    const g = above * (localOut.get(c.id) ?? 0);
    global.set(c.id, g);
    return g;
  };
  for (const c of criteria) globalOf(c, 0);

  const leaves = new Map<string, number>();
  for (const c of leavesOf(criteria)) {
    if (carriers.has(c.id)) leaves.set(c.id, global.get(c.id) ?? 0);
  }
  return { local: localOut, global, leaves };
}

/**
 * New local weight map after a partial update. Each sibling set the update touches is rebuilt from
 * the updated values plus the untouched members' resolved shares, then renormalised to sum 1; sets
 * not touched keep their current entries as they are. Non-carrying members of a touched set are left
 * with their current entry (if any) because they take no part in that set's shares. Unknown ids are ignored.
 */
export function applyWeightUpdate(
  criteria: readonly CriterionNode[],
  current: ReadonlyMap<string, number>,
  update: Record<string, number>,
): Map<string, number> {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const touched = new Set<string | null>();
  for (const id of Object.keys(update)) {
    const c = byId.get(id);
    if (c) touched.add(c.parentId);
  }

  const resolved = resolveWeights(criteria, current).local;
  const carriers = weightCarriers(criteria);
  const out = new Map(current);
  for (const [parentId, members] of siblingSets(criteria)) {
    if (!touched.has(parentId)) continue;
    const values: Record<string, number> = {};
    for (const m of members) {
      if (!carriers.has(m.id)) continue;
      values[m.id] = Object.hasOwn(update, m.id) ? clean(update[m.id]) : (resolved.get(m.id) ?? 0);
    }
    for (const [id, w] of Object.entries(normalise(values))) out.set(id, w);
  }
  return out;
}
