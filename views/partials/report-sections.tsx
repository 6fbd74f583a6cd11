import type { BoardReport } from '../../server/read-models/report.js';
import { num, points, percent, when } from '../format.js';
import { m } from '../messages/index.js';
import { DataTable } from './data-table.js';

const r = m.report;

/** A numbered report section; `id` is what the contents list and the record map link to. */
export function ReportSection({ id, title, children }: { id: string; title: string; children?: unknown }) {
  return <section class="card report-section" id={id}><h2>{title}</h2>{children}</section>;
}

/** How the weights came about: votes counted, the methods used, the aggregation, each group's share. */
export function VotesSummary({ votes }: { votes: BoardReport['votes'] }) {
  if (votes.total === 0) return <p class="muted">{r.votesNone}</p>;
  const groupSum = votes.groups.reduce((t, g) => t + g.weight, 0);
  // The method's name in the reader's language ("100 points: 4"), never its code; an unknown code as stored.
  const names: Record<string, string> = m.voting.methodNames;
  const methods = Object.entries(votes.methods).map(([k, n]) => `${names[k] ?? k}: ${num(n)}`).join(', ');
  return (
    <div class="stack">
      <p>{r.votesCounted(votes.counted, votes.total)} {r.votesAggregation(m.voting.aggregations[votes.aggregation])}</p>
      <p><strong>{r.votesMethods}:</strong> {methods || '—'}</p>
      {votes.groups.length > 0 ? (
        <DataTable class="compact" columns={[{ label: r.group }, { label: r.groupWeight, class: 'num' }, { label: r.groupVotes, class: 'num' }]}>
          {votes.groups.map((g) => <tr><th scope="row">{g.name}</th><td class="num">{percent(groupSum > 0 ? g.weight / groupSum : 0)}</td><td class="num">{g.votes}</td></tr>)}
        </DataTable>
      ) : null}
    </div>
  );
}

/** Declarations of interest, then the measures taken (evaluators kept away from a vendor). */
export function ConflictsSection({ report }: { report: BoardReport }) {
  return (
    <ReportSection id="conflicts" title={r.conflicts}>
      {report.declarations.length === 0 ? <p class="muted">{r.declarationsNone}</p> : (
        <DataTable class="compact" columns={[{ label: m.report.evaluator }, { label: r.declared }, { label: r.reason }]}>
          {report.declarations.map((d) => (
            <tr><th scope="row">{d.name}</th><td>{d.conflict ? <span class="badge badge-warn">{r.conflict}</span> : r.noConflict}</td><td class="prewrap">{d.description}<span class="muted small"> {when(d.at)}</span></td></tr>
          ))}
        </DataTable>
      )}
      <h3>{r.measures}</h3>
      {report.exclusions.length === 0 ? <p class="muted">{r.measuresNone}</p> : (
        <DataTable class="compact" columns={[{ label: r.evaluator }, { label: r.vendor }, { label: r.reason }]}>
          {report.exclusions.map((x) => <tr><th scope="row">{x.evaluator}</th><td>{x.vendor}</td><td class="prewrap">{x.reason}</td></tr>)}
        </DataTable>
      )}
    </ReportSection>
  );
}

/** Every consensus score with its rationale: where the panel replaced its mean, and why. */
export function ConsensusSection({ report }: { report: BoardReport }) {
  return (
    <ReportSection id="consensus" title={r.consensus}>
      {report.consensus.length === 0 ? <p class="muted">{r.consensusNone}</p> : (
        <DataTable class="compact" columns={[{ label: r.vendor }, { label: r.criterion }, { label: r.value, class: 'num' }, { label: r.reason }, { label: r.by }]}>
          {report.consensus.map((c) => (
            <tr><th scope="row">{c.vendor}</th><td>{c.criterion}</td><td class="num">{c.consensus === null ? '—' : points(c.consensus)}</td><td class="prewrap">{c.consensus_rationale}</td><td>{c.by ?? '—'}</td></tr>
          ))}
        </DataTable>
      )}
    </ReportSection>
  );
}

type RecordPoint = keyof typeof m.report.recordPoints;

/**
 * Art. 84(1) (a)–(j) and UK s. 98: the point as the law numbers it, what it asks (in the reader's
 * language, views/messages/report.ts) and the section that answers it (null: not recorded here).
 */
const RECORD_POINTS: readonly [string, RecordPoint, string | null][] = [
  ['(a)', 'a', 'top'], ['(b)', 'b', 'ranking'], ['(c)', 'c', 'excluded'], ['(d)', 'd', null], ['(e)', 'e', 'decision'],
  ['(f)', 'f', null], ['(g)', 'g', null], ['(h)', 'h', 'decision'], ['(i)', 'i', null], ['(j)', 'j', 'conflicts'],
  ['UK s. 98', 'uk98', 'method'],
];

/** Section titles by anchor; a function so they are read in the request's language, not at import. */
const titles = (): Record<string, string> => ({
  top: m.report.title, ranking: r.ranking, excluded: r.excluded, decision: r.decision, conflicts: r.conflicts, method: `${r.method}, ${r.sensitivity}, ${r.consensus}`,
});

/** The "Record of the award": each legal point and where the report answers it. */
export function RecordOfAward() {
  return (
    <ReportSection id="record" title={r.record}>
      <p class="muted">{r.recordIntro}</p>
      <DataTable class="compact record-map" columns={[{ label: r.point }, { label: r.asks }, { label: r.where }]}>
        {RECORD_POINTS.map(([point, asks, where]) => (
          <tr><th scope="row">{point}</th><td>{m.report.recordPoints[asks]}</td><td>{where ? <a href={`#${where}`}>{titles()[where]}</a> : <span class="muted">{r.notHere}</span>}</td></tr>
        ))}
      </DataTable>
    </ReportSection>
  );
}

type Nodes = readonly { id: string; parentId: string | null; name: string; position: number }[];

/** Every criterion in tree order with its share within its siblings and of the total: the weights, printable (the page's explainer folds away). */
export function WeightsTable({ nodes, local, global }: { nodes: Nodes; local: ReadonlyMap<string, number>; global: ReadonlyMap<string, number> }) {
  const rows: { depth: number; node: Nodes[number] }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const n of nodes.filter((x) => x.parentId === parent).sort((a, b) => a.position - b.position)) { rows.push({ depth, node: n }); walk(n.id, depth + 1); }
  };
  walk(null, 0);
  return (
    <DataTable class="compact weights-table" columns={[{ label: r.criterion }, { label: r.localWeight, class: 'num' }, { label: r.globalWeight, class: 'num' }]}>
      {rows.map(({ depth, node }) => (
        <tr><th scope="row" class={`depth-${Math.min(depth, 3)}`}>{node.name}</th><td class="num">{percent(local.get(node.id) ?? 0)}</td><td class="num">{percent(global.get(node.id) ?? 0)}</td></tr>
      ))}
    </DataTable>
  );
}
