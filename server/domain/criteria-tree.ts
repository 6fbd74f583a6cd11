import type { CriterionNode } from './types.js';

/**
 * The criteria tree, derived in one place: which criteria are leaves (what evaluators score and
 * ranking weighs), which are top-level, what sits under what. A node may come from the domain
 * (`parentId`, string ids) or straight from a database row (`parent_id`, number ids).
 */
export type TreeNode = { id: string | number; parentId: string | number | null } | { id: string | number; parent_id: string | number | null };

export const parentIdOf = (n: TreeNode): string | number | null => ('parentId' in n ? n.parentId : n.parent_id);

/** Ids of the criteria that have at least one child. */
export function parentIdsOf(nodes: readonly TreeNode[]): Set<string | number | null> {
  return new Set(nodes.map(parentIdOf));
}

/** Criteria without children, in the order given: parents are never scored. */
export function leavesOf<T extends TreeNode>(nodes: readonly T[]): T[] {
  const parents = parentIdsOf(nodes);
  return nodes.filter((n) => !parents.has(n.id));
}

/** Criteria at the top of the tree, in the order given. */
export function topLevelOf<T extends TreeNode>(nodes: readonly T[]): T[] {
  return nodes.filter((n) => parentIdOf(n) === null);
}

/** The direct children of `id`, in the order given. */
export function childrenOf<T extends TreeNode>(nodes: readonly T[], id: T['id']): T[] {
  return nodes.filter((n) => parentIdOf(n) === id);
}

/** The leaves in tree order: each top-level criterion in turn, replaced by its children when it has any. */
export function leavesInTreeOrder<T extends TreeNode>(nodes: readonly T[]): T[] {
  const parents = parentIdsOf(nodes);
  return topLevelOf(nodes).flatMap((top) => (parents.has(top.id) ? childrenOf(nodes, top.id) : [top])).filter((n) => !parents.has(n.id));
}

/** The ancestors of `node`, root first. Bounded, so a malformed parent chain cannot hang a caller. */
export function pathOf<T extends TreeNode>(nodes: readonly T[], node: T): T[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const path: T[] = [];
  let at = node;
  for (let i = 0; i < nodes.length; i++) {
    const id = parentIdOf(at);
    const parent = id === null ? undefined : byId.get(id);
    if (!parent) break;
    path.unshift(parent);
    at = parent;
  }
  return path;
}

/** The direct parent of `node`, if it has one in `nodes`. */
export const parentOf = <T extends TreeNode>(nodes: readonly T[], node: T): T | undefined => pathOf(nodes, node).at(-1);

/** Depth-first by position so "first failed must-have" matches the order users see the tree in. */
export function treeOrder(criteria: readonly CriterionNode[]): CriterionNode[] {
  const byPos = (a: CriterionNode, b: CriterionNode): number =>
    a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const ids = new Set(criteria.map((c) => c.id));
  const children = new Map<string | null, CriterionNode[]>();
  for (const c of criteria) {
    const key = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    const list = children.get(key);
    if (list) list.push(c);
    else children.set(key, [c]);
  }
  const out: CriterionNode[] = [];
  const seen = new Set<string>();
  const visit = (key: string | null): void => {
    for (const c of (children.get(key) ?? []).sort(byPos)) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
      visit(c.id);
    }
  };
  visit(null);
  return out;
}
