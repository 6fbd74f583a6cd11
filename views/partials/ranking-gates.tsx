import type { ExcludedVendor, ReviewFlag, UnscoredVendor } from '../../server/domain/ranking.js';
import type { CriterionNode } from '../../server/domain/types.js';
import { m } from '../messages/index.js';
import { exclusionReason, reviewFlagText } from '../must-have-reasons.js';

/** Vendors a must-have gate removed, with the reason; nothing when none were. */
export function RankingExcluded({ excluded }: { excluded: readonly ExcludedVendor[] }) {
  if (excluded.length === 0) return null;
  return (
    <section class="card">
      <h2>{m.ranking.excluded}</h2>
      <p class="muted">{m.ranking.excludedIntro}</p>
      <ul class="plain-list">{excluded.map((x) => <li><strong>{x.name}</strong> — {exclusionReason(x)}</li>)}</ul>
    </section>
  );
}

/**
 * Vendors nobody has scored yet: listed by name without a rank (issue 11), the first `limit` of
 * them with a link to the rest; nothing when every vendor has a score.
 */
export function RankingUnscored({ unscored, limit, base }: { unscored: readonly UnscoredVendor[]; limit: number; base: string }) {
  if (unscored.length === 0) return null;
  const shown = unscored.slice(0, limit);
  return (
    <section class="card" id="unscored">
      <h2>{m.ranking.unscored}</h2>
      <p class="muted">{m.ranking.unscoredIntro(unscored.length)}</p>
      <ul class="plain-list unscored-list">{shown.map((u) => <li data-vendor-id={u.vendorId}>{u.name}</li>)}</ul>
      {shown.length < unscored.length ? <p class="muted small">{m.ranking.unscoredMore(unscored.length - shown.length)} <a href={`${base}/ranking?limit=all#unscored`}>{m.ranking.showAll}</a></p> : null}
    </section>
  );
}

/** Cells a human should look at (such as tied must-have votes), naming the vendor wherever it is listed; nothing when there are none. */
export function RankingFlags({ flags, nodes, vendors }: { flags: readonly ReviewFlag[]; nodes: readonly CriterionNode[]; vendors: readonly { vendorId: string; name: string }[] }) {
  if (flags.length === 0) return null;
  return (
    <section class="card">
      <h2>{m.ranking.flags}</h2>
      <ul class="plain-list">{flags.map((f) => <li>{`${nodes.find((n) => n.id === f.criterionId)?.name ?? ''}: ${reviewFlagText(f)}`} — {vendors.find((r) => r.vendorId === f.vendorId)?.name ?? ''}</li>)}</ul>
    </section>
  );
}
