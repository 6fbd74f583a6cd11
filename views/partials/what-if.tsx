import type { RankingView } from '../../server/read-models/ranking.js';
import { percent, points } from '../format.js';
import { m } from '../messages/index.js';

/** The re-ranked table of a what-if: the best rows under the sliders' weights, with the shares in effect. */
export function WhatIfResult({ view }: { view: RankingView }) {
  return (
    <div id="what-if-result" aria-live="polite">
      <p class="muted small">{view.columns.map((c) => `${c.name} ${percent(view.resolved.global.get(c.id) ?? 0)}`).join(' · ')}</p>
      <div class="table-wrap">
        <table class="table compact">
          <thead><tr><th scope="col">#</th><th scope="col">{m.whatIf.vendor}</th><th scope="col" class="num">{m.chrome.totalColumn}</th></tr></thead>
          <tbody>{view.result.rows.map((r) => <tr><td>{r.rank}</td><th scope="row">{r.name}</th><td class="num">{points(r.total)}</td></tr>)}</tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * Sliders for the top-level weights (0–100, taken in proportion to their sum, so moving one rescales
 * the others' shares): htmx asks for the re-ranked table as they move, nothing is stored. The reset
 * link swaps the section back to the weights in force.
 */
export function WhatIfSection({ base, view, sliders }: { base: string; view: RankingView; sliders: { id: string; name: string; value: number }[] }) {
  return (
    <section class="card" id="what-if">
      <h2>{m.whatIf.whatIfTitle}</h2>
      <p class="muted">{m.whatIf.whatIfIntro}</p>
      <form class="what-if-form" hx-get={`${base}/ranking/what-if`} hx-trigger="input changed delay:250ms" hx-target="#what-if-result" hx-swap="outerHTML">
        {sliders.map((s) => (
          <label class="slider">
            <span>{s.name}</span>
            <input type="range" name={`w-${s.id}`} min="0" max="100" step="1" value={String(Math.round(s.value))} aria-label={s.name} />
          </label>
        ))}
      </form>
      <p><a href={`${base}/ranking#what-if`} hx-get={`${base}/ranking/what-if?reset=1`} hx-target="#what-if" hx-swap="outerHTML">{m.whatIf.reset}</a></p>
      <WhatIfResult view={view} />
    </section>
  );
}
