import type { ExcludedVendor, RankRow, ReviewFlag } from '../../server/domain/ranking.js';
import type { CriterionNode } from '../../server/domain/types.js';
import { m } from '../messages/index.js';

/** Vendors a must-have gate removed, with the reason; nothing when none were. */
export function RankingExcluded({ excluded }: { excluded: readonly ExcludedVendor[] }) {
  if (excluded.length === 0) return null;
  return (
    <section class="card">
      <h2>{m.ranking.excluded}</h2>
      <p class="muted">{m.ranking.excludedIntro}</p>
      <ul class="plain-list">{excluded.map((x) => <li><strong>{x.name}</strong> — {x.reason}</li>)}</ul>
    </section>
  );
}

/** Cells a human should look at (such as tied must-have votes); nothing when there are none. */
export function RankingFlags({ flags, nodes, rows }: { flags: readonly ReviewFlag[]; nodes: readonly CriterionNode[]; rows: readonly RankRow[] }) {
  if (flags.length === 0) return null;
  return (
    <section class="card">
      <h2>{m.ranking.flags}</h2>
      <ul class="plain-list">{flags.map((f) => <li>{`${nodes.find((n) => n.id === f.criterionId)?.name ?? ''}: ${f.reason}`} — {rows.find((r) => r.vendorId === f.vendorId)?.name ?? ''}</li>)}</ul>
    </section>
  );
}
