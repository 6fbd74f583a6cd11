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

/** One slider; `oob` marks it for an out-of-band swap, so a what-if answer moves it without a reload. */
export function WhatIfSlider({ url, slider: s, oob }: { url: string; slider: { id: string; name: string; value: number }; oob?: boolean }) {
  return (
    <input
      type="range" id={`what-if-w-${s.id}`} name={`w-${s.id}`} min="0" max="100" step="1" value={String(Math.round(s.value))} aria-label={s.name}
      hx-get={url} hx-trigger="input changed delay:250ms" hx-include="closest form" hx-vals={JSON.stringify({ moved: s.id })}
      hx-target="#what-if-result" hx-swap="outerHTML" {...(oob ? { 'hx-swap-oob': 'true' } : {})}
    />
  );
}

/**
 * Sliders for the top-level weights (whole percentages adding up to 100): moving one rescales the
 * others in proportion (domain/what-if-sliders.ts); htmx asks for the re-ranked table as it moves,
 * and the answer carries the other sliders' new positions (out-of-band swaps), nothing is stored.
 * The reset link swaps the section back to the weights in force.
 */
export function WhatIfSection({ base, view, sliders }: { base: string; view: RankingView; sliders: { id: string; name: string; value: number }[] }) {
  const url = `${base}/ranking/what-if`;
  return (
    <section class="card" id="what-if">
      <h2>{m.whatIf.whatIfTitle}</h2>
      <p class="muted">{m.whatIf.whatIfIntro}</p>
      <form class="what-if-form">
        {sliders.map((s) => (
          <label class="slider">
            <span>{s.name}</span>
            <WhatIfSlider url={url} slider={s} />
          </label>
        ))}
      </form>
      <p><a href={`${base}/ranking#what-if`} hx-get={`${url}?reset=1`} hx-target="#what-if" hx-swap="outerHTML">{m.whatIf.reset}</a></p>
      <WhatIfResult view={view} />
    </section>
  );
}
