import { describe, expect, test } from 'vitest';
import { childrenOf, leavesInTreeOrder, leavesOf, parentIdsOf, parentOf, pathOf, topLevelOf, treeOrder } from '../../server/domain/criteria-tree.js';
import type { CriterionNode } from '../../server/domain/types.js';

const node = (id: string, parentId: string | null, position: number, kind: CriterionNode['kind'] = 'scored'): CriterionNode => ({ id, parentId, name: id.toUpperCase(), kind, position });

// Rows out of tree order on purpose: a child before its parent, a lone leaf between branches.
const nodes = [node('ux', 'fit', 1), node('fit', null, 0), node('price', null, 1, 'cost'), node('api', 'fit', 0), node('gdpr', 'legal', 0, 'must-have'), node('legal', null, 2)];
const ids = (xs: readonly { id: string | number }[]) => xs.map((x) => x.id);

describe('criteria tree', () => {
  test('leaves are the criteria without children, in the order given', () => {
    expect(ids(leavesOf(nodes))).toEqual(['ux', 'price', 'api', 'gdpr']);
    expect(parentIdsOf(nodes)).toEqual(new Set(['fit', null, 'legal']));
  });

  test('top level and children keep the order given', () => {
    expect(ids(topLevelOf(nodes))).toEqual(['fit', 'price', 'legal']);
    expect(ids(childrenOf(nodes, 'fit'))).toEqual(['ux', 'api']);
    expect(childrenOf(nodes, 'price')).toEqual([]);
  });

  test('leaves in tree order: each top-level criterion replaced by its children', () => {
    expect(ids(leavesInTreeOrder(nodes))).toEqual(['ux', 'api', 'price', 'gdpr']);
  });

  test('path and parent, root first; a top-level criterion has none', () => {
    expect(ids(pathOf(nodes, nodes[0]!))).toEqual(['fit']);
    expect(parentOf(nodes, nodes[0]!)?.id).toBe('fit');
    expect(pathOf(nodes, nodes[1]!)).toEqual([]);
    expect(parentOf(nodes, nodes[1]!)).toBeUndefined();
  });

  test('a malformed cycle ends the path walk instead of hanging', () => {
    const cyclic = [node('a', 'b', 0), node('b', 'a', 0)];
    expect(pathOf(cyclic, cyclic[0]!).length).toBeLessThanOrEqual(cyclic.length);
  });

  test('database rows (parent_id, number ids) work the same way', () => {
    const rows = [{ id: 1, parent_id: null }, { id: 2, parent_id: 1 }, { id: 3, parent_id: null }];
    expect(ids(leavesOf(rows))).toEqual([2, 3]);
    expect(parentOf(rows, rows[1]!)?.id).toBe(1);
    expect(ids(leavesInTreeOrder(rows))).toEqual([2, 3]);
  });

  test('treeOrder is depth-first by position', () => {
    expect(ids(treeOrder(nodes))).toEqual(['fit', 'api', 'ux', 'price', 'legal', 'gdpr']);
  });
});
