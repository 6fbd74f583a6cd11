import type { PriceQuality } from '../../server/read-models/price-quality.js';
import { type CostFormula } from '../../server/domain/cost-formula.js';
import { Scatter } from '../charts/scatter.js';
import { num, points } from '../format.js';
import { m } from '../messages/index.js';

/** A price or a price per point as the reader's language writes numbers (views/format.ts). */
const money = (x: number) => num(x, 2);

/** Price against quality: the scatter (with its table), the top three under each formula, value for money. */
export function PriceQualitySection({ pq, formula }: { pq: PriceQuality; formula: CostFormula }) {
  const priced = pq.points.filter((p) => p.price !== null);
  const same = pq.tops.every((t) => t.names.join('\u0000') === pq.tops[0]!.names.join('\u0000'));
  return (
    <section class="card" id="price-quality">
      <h2>{m.whatIf.priceTitle}</h2>
      <p class="muted">{m.whatIf.priceIntro(m.whatIf.formulas[formula])}</p>
      {priced.length === 0 ? <p class="muted">{m.whatIf.noPrices}</p> : (
        <div class="pq-grid">
          <Scatter points={priced.map((p) => ({ x: p.price!, y: p.quality, label: m.whatIf.pointLabel(p.name, money(p.price!), points(p.quality)) }))} label={m.whatIf.scatterLabel} xLabel={m.whatIf.price} yLabel={m.whatIf.quality} />
          <details>
            <summary>{m.whatIf.table}</summary>
            <div class="table-wrap">
              <table class="table compact">
                <thead><tr><th scope="col">{m.whatIf.vendor}</th><th scope="col" class="num">{m.whatIf.price}</th><th scope="col" class="num">{m.whatIf.quality}</th></tr></thead>
                <tbody>{priced.map((p) => <tr><th scope="row">{p.name}</th><td class="num">{money(p.price!)}</td><td class="num">{points(p.quality)}</td></tr>)}</tbody>
              </table>
            </div>
          </details>
        </div>
      )}
      <h3 id="formula-top3">{m.whatIf.formulasTitle}</h3>
      <p><strong>{same ? m.whatIf.sameTop : m.whatIf.differentTop}</strong></p>
      <div class="table-wrap">
        <table class="table compact">
          <thead><tr><th scope="col">{m.whatIf.formula}</th><th scope="col">1</th><th scope="col">2</th><th scope="col">3</th></tr></thead>
          <tbody>
            {pq.tops.map((t) => (
              <tr><th scope="row">{m.whatIf.formulas[t.formula]} {t.formula === formula ? m.whatIf.inForce : ''}</th>{[0, 1, 2].map((i) => <td>{t.names[i] ?? '–'}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 id="value-for-money">{m.whatIf.vfmTitle}</h3>
      <p class="muted small">{m.whatIf.vfmIntro}</p>
      {pq.valueForMoney.length === 0 ? <p class="muted">{m.whatIf.noPrices}</p> : (
        <div class="table-wrap">
          <table class="table compact">
            <thead><tr><th scope="col">#</th><th scope="col">{m.whatIf.vendor}</th><th scope="col" class="num">{m.whatIf.perPoint}</th><th scope="col" class="num">{m.whatIf.price}</th><th scope="col" class="num">{m.whatIf.quality}</th></tr></thead>
            <tbody>{pq.valueForMoney.map((p, i) => <tr><td>{i + 1}</td><th scope="row">{p.name}</th><td class="num">{money(p.perPoint!)}</td><td class="num">{money(p.price!)}</td><td class="num">{points(p.quality)}</td></tr>)}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
