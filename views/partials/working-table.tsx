import type { WorkingLineView, WorkingView } from '../../server/read-models/working.js';
import { fixed, percent, points } from '../format.js';
import { m } from '../messages/index.js';
import { DataTable, type Column } from './data-table.js';

/**
 * Figures a reviewer recomputes: enough decimals that the running sum adds up to the total shown;
 * integers as they are, others with `d` decimals in the reader's decimal mark (issue 16).
 */
export const fig = (x: number, d = 4): string => (Number.isInteger(x) ? String(x) : fixed(x, d));

const HEADINGS: readonly Column[] = [
  { label: m.working.criterion }, { label: m.working.weight, class: 'num' }, { label: m.working.scores }, { label: m.working.value },
  { label: m.working.normalised, class: 'num' }, { label: m.working.contribution, class: 'num' }, { label: m.working.runningSum, class: 'num' },
];

/** One vendor's total line by line (weight, scores, value, normalised, contribution, running sum): the working page and the board report. */
export function WorkingTable({ working: w }: { working: WorkingView }) {
  let running = 0;
  return (
    <>
      <DataTable class="working-table" columns={HEADINGS}>
        {w.lines.map((l) => {
          running += l.contribution;
          return <WorkingRow line={l} running={running} />;
        })}
        <tr class="working-total">
          <th scope="row" colspan={5}>{m.working.total}</th>
          <td class="num" data-label={m.working.contribution}><strong>{fig(w.total)}</strong></td>
          <td class="num" data-label={m.working.runningSum}>{points(w.total)}</td>
        </tr>
      </DataTable>
      <p class="muted small">{m.working.coverage(percent(w.coverage))}</p>
    </>
  );
}

function WorkingRow({ line: l, running }: { line: WorkingLineView; running: number }) {
  return (
    <tr data-criterion-id={l.criterionId}>
      <th scope="row">{l.path.join(' › ')}{l.kind === 'cost' ? <span class="badge badge-cost">{m.working.costBadge}</span> : null}</th>
      <td class="num" data-label={m.working.weight}>{fig(l.weight)}</td>
      <td data-label={m.working.scores}>{l.kind === 'cost' ? '—' : l.scores.length === 0 ? <span class="muted">{m.working.noValue}</span> : (
        <ul class="working-scores">{l.scores.map((s) => <li>{s.name}: {s.value === null ? m.working.na : fig(s.value, 2)}</li>)}</ul>
      )}</td>
      <td data-label={m.working.value}><div><WorkingValue line={l} /></div></td>
      <td class="num" data-label={m.working.normalised}>{l.normalised === null ? '—' : fig(l.normalised)}</td>
      <td class="num" data-label={m.working.contribution}>{fig(l.contribution)}</td>
      <td class="num" data-label={m.working.runningSum}>{fig(running)}</td>
    </tr>
  );
}

/** What was ranked: the consensus (with why, and the mean it replaced), the mean, or the price. */
function WorkingValue({ line: l }: { line: WorkingLineView }) {
  if (l.value === null) return <span class="muted">{m.working.noValue}</span>;
  if (l.kind === 'cost') return <>{m.working.price(fig(l.value, 2))}</>;
  if (!l.consensusOf) return <>{m.working.mean(fig(l.value))}</>;
  return (
    <>
      <strong>{m.working.consensus(fig(l.consensusOf.value))}</strong>
      {l.mean !== null ? <span class="muted"> ({m.working.mean(fig(l.mean))})</span> : null}
      {l.consensusOf.rationale ? <div class="small">{m.working.rationale}: {l.consensusOf.rationale}</div> : null}
    </>
  );
}

