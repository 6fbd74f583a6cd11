import type { CriterionNode } from '../../server/domain/types.js';
import type { ResolvedWeights } from '../../server/domain/weights.js';
import { percent } from '../format.js';
import { m } from '../messages/index.js';

/** "How is this calculated?": the method in plain words and every leaf's global weight. */
export function RankingExplain({ nodes, resolved }: { nodes: readonly CriterionNode[]; resolved: ResolvedWeights }) {
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  return (
    <details class="card explain">
      <summary><h2>{m.ranking.howTitle}</h2></summary>
      <ol>{m.ranking.how.map((line) => <li>{line}</li>)}</ol>
      <h3>{m.ranking.leafWeights}</h3>
      <table class="table compact">
        <thead><tr><th scope="col">{m.ranking.criterion}</th><th scope="col" class="num">{m.ranking.weight}</th></tr></thead>
        <tbody>
          {[...resolved.leaves].map(([id, w]) => {
            const node = nodes.find((n) => n.id === id);
            const parent = node?.parentId ? names.get(node.parentId) : null;
            return <tr><td>{parent ? `${parent} › ` : ''}{names.get(id) ?? id}</td><td class="num">{percent(w)}</td></tr>;
          })}
        </tbody>
      </table>
    </details>
  );
}
