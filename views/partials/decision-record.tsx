import type { DecisionRecord } from '../../server/read-models/decision.js';
import { when } from '../format.js';
import { m } from '../messages/index.js';

/** Names as a short list, "A, B and 3 more". */
const names = (vs: readonly { name: string }[], max = 30) =>
  vs.slice(0, max).map((v) => v.name).join(', ') + (vs.length > max ? ` ${m.decision.provisionalMore(vs.length - max)}` : '');

/**
 * The decision as a board reads it: the vendors chosen, the reason, who decided and when, the
 * provisional vendors acknowledged, and the sign-off (each verdict with its comment, and who is
 * still to give one). Shown on the overview and the decision page.
 */
export function DecisionRecordView({ record }: { record: DecisionRecord }) {
  const d = m.decision;
  return (
    <div class="decision-record stack">
      <dl class="facts">
        <dt>{d.chosen}</dt>
        <dd><strong>{names(record.vendors)}</strong></dd>
        <dt>{d.why}</dt>
        <dd class="prewrap">{record.reason || <span class="muted">{d.noReason}</span>}</dd>
      </dl>
      <p class="muted small">{d.decidedBy(record.decidedBy.name, when(record.at))}</p>
      {record.acknowledgedProvisional.length > 0 ? (
        <p class="alert alert-warn">{d.acknowledged(record.acknowledgedProvisional.length)} {names(record.acknowledgedProvisional)}</p>
      ) : null}
      <h3>{d.signOff}</h3>
      {record.approvals.length === 0 && record.pending.length === 0 ? <p class="muted">{d.noApprovers}</p> : null}
      {record.approvals.length > 0 ? (
        <ul class="verdicts">
          {record.approvals.map((x) => (
            <li>
              <span class={x.verdict === 'approve' ? 'badge badge-ok' : 'badge badge-must'}>{x.verdict === 'approve' ? d.approved : d.objected}</span>{' '}
              <strong>{x.name}</strong> <span class="muted small">{when(x.at)}</span>
              {x.comment ? <p class="prewrap">{x.comment}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {record.pending.length > 0 ? <p>{d.pending} {names(record.pending)}</p> : record.approvals.length > 0 ? <p class="muted small">{d.allGiven}</p> : null}
    </div>
  );
}
