import { m } from '../messages/index.js';

export interface WhoseColumn { title: string; votes: number | null; top: string[] }

/**
 * "Whose weights?": the top of the ranking under the team's weights and under each stakeholder
 * group's own, side by side; a name that sits elsewhere in the team's list is highlighted.
 */
export function WhoseWeights({ columns }: { columns: WhoseColumn[] }) {
  const team = columns[0]?.top ?? [];
  return (
    <section class="card" id="whose-weights">
      <h2>{m.voting.whoseTitle}</h2>
      <p class="muted">{m.voting.whoseIntro}</p>
      <div class="whose">
        {columns.map((col, ci) => (
          <div>
            <h3>{col.title} {col.votes !== null ? <span class="muted small">{m.voting.votes(col.votes)}</span> : null}</h3>
            <ol>{col.top.map((name, i) => <li class={ci > 0 && team[i] !== name ? 'differs' : undefined}>{name}</li>)}</ol>
          </div>
        ))}
      </div>
    </section>
  );
}
