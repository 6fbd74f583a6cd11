import { m } from '../messages/index.js';

export interface PanelRow {
  id: number; name: string; email: string; role: 'facilitator' | 'evaluator' | 'stakeholder' | 'observer'; group_name: string | null; scorer: boolean;
  assigned: number; scored: number; declaration: { conflict: boolean; description: string } | null; submittedAt: string | null;
  exclusions: { vendor_id: number; vendor_name: string; reason: string }[];
  /** 1 when asked to sign off the decision. */
  approver?: number;
}

/** The members table; polled by htmx so the facilitator sees progress without reloading. */
export function PanelProgress({ evaluationId, rows, canManage, polling }: { evaluationId: number; rows: PanelRow[]; canManage: boolean; polling: boolean }) {
  return (
    <div class="table-wrap" id="panel-progress" {...(polling ? { 'hx-get': `/evaluations/${evaluationId}/members/progress`, 'hx-trigger': 'every 5s', 'hx-swap': 'outerHTML' } : {})}>
      <table class="table panel-table">
        <thead><tr><th scope="col">{m.panel.name}</th><th scope="col">{m.panel.role}</th><th scope="col">{m.panel.declaration}</th><th scope="col">{m.panel.progress}</th><th scope="col">{m.panel.submitted}</th>{canManage ? <th scope="col" class="actions"><span class="visually-hidden">{m.a11y.actionsColumn}</span></th> : null}</tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.name}<br /><span class="muted small">{r.email}</span></th>
              <td>{m.roles[r.role]}{r.group_name ? <span class="muted small"> · {r.group_name}</span> : null}</td>
              <td>
                {!r.scorer && !r.declaration ? m.panel.notScorer : r.declaration === null ? <span class="badge badge-warn">{m.panel.notDeclared}</span> : r.declaration.conflict ? <span><span class="badge badge-must">{m.panel.conflictDeclared}</span> {r.declaration.description}</span> : <span class="badge badge-ok">{m.panel.noConflict}</span>}
                {r.exclusions.length > 0 ? <p class="small muted">{m.panel.excludedFrom} {r.exclusions.map((x) => x.vendor_name).join(', ')}</p> : null}
              </td>
              <td>
                {r.scorer ? (
                  <span class="progress-cell">
                    <progress max={String(Math.max(1, r.assigned))} value={String(Math.min(r.scored, r.assigned))} aria-label={`${r.name}: ${m.panel.of(r.scored, r.assigned)}`}></progress>
                    <span class="small">{m.panel.of(r.scored, r.assigned)}</span>
                  </span>
                ) : m.panel.notScorer}
              </td>
              <td>{r.submittedAt ? r.submittedAt.slice(0, 16).replace('T', ' ') : '—'}</td>
              {canManage ? (
                <td class="actions">
                  {r.role !== 'facilitator' ? (
                    <form method="post" action={`/evaluations/${evaluationId}/members/${r.id}/remove`} class="inline"><button type="submit" class="button button-small">{m.panel.remove}</button></form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
