import { m } from '../messages/index.js';

export interface ApproverRow { id: number; name: string; role: string; approver: boolean }

/**
 * Who signs off the decision: every member with their approver flag, and for the facilitator
 * (before deciding) a button to change it. Any role may be an approver, observers included.
 */
export function PanelApprovers({ base, rows, canManage }: { base: string; rows: ApproverRow[]; canManage: boolean }) {
  const p = m.panel;
  return (
    <section class="card stack" aria-labelledby="approvers-title">
      <h2 id="approvers-title">{p.approversTitle}</h2>
      <p class="hint">{p.approversHint}</p>
      <ul class="plain-list approver-list">
        {rows.map((r) => (
          <li>
            <span>{r.name} <span class="muted small">({m.roles[r.role as keyof typeof m.roles] ?? r.role})</span></span>
            {r.approver ? <span class="badge badge-ok">{p.approverBadge}</span> : null}
            {canManage ? (
              <form method="post" action={`${base}/${r.id}/approver`} class="inline">
                <input type="hidden" name="approver" value={r.approver ? '0' : '1'} />
                <button type="submit" class="link-button small" aria-label={r.approver ? p.unmakeApproverFor(r.name) : p.makeApproverFor(r.name)}>{r.approver ? p.unmakeApprover : p.makeApprover}</button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
