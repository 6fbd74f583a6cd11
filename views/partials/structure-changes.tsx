import type { StructureChanges } from '../../server/read-models/structure-changes.js';
import { m } from '../messages/index.js';
import { when } from '../format.js';

/** "Weights changed after scoring began": each change with who, when and why, above the ranking it moved. */
export function WeightChangesNote({ changes }: { changes: StructureChanges['weightChanges'] }) {
  if (changes.length === 0) return null;
  return (
    <section class="alert alert-warn weight-changes" aria-labelledby="weight-changes-title">
      <strong id="weight-changes-title">{m.guards.weightChangesTitle}</strong>
      <ul>{changes.map((w) => <li>{m.guards.weightChange(w.version, w.by ?? '—', when(w.at), w.reason)}</li>)}</ul>
    </section>
  );
}

/** Vendors withdrawn with a reason: not ranked, their scores kept. */
export function WithdrawnVendors({ withdrawn }: { withdrawn: StructureChanges['withdrawn'] }) {
  if (withdrawn.length === 0) return null;
  return (
    <section class="card withdrawn-vendors">
      <h2>{m.guards.withdrawnTitle}</h2>
      <ul>{withdrawn.map((v) => <li><span class="badge badge-warn">{m.guards.withdrawnBadge}</span> {m.guards.withdrawnLine(v.name, v.reason)} <span class="muted small">({v.by ?? '—'}, {when(v.at)})</span></li>)}</ul>
    </section>
  );
}
