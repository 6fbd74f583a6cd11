import type { Missing } from '../../server/domain/rules/status-preconditions.js';
import { m } from '../messages/index.js';

const text = (x: Missing) => {
  const t = m.guards.missing[x.code];
  return typeof t === 'function' ? t(x.count) : t;
};

/** What is incomplete before a step, most serious first; hard gaps are marked required and link to their fix. */
export function MissingList({ missing, base }: { missing: readonly Missing[]; base: string }) {
  if (missing.length === 0) return <p class="muted">{m.guards.nothingMissing}</p>;
  const fix: Partial<Record<Missing['code'], [string, string]>> = { no_vendors: [m.guards.fixVendors, `${base}/vendors`], no_scored_criterion: [m.guards.fixCriteria, `${base}/criteria`] };
  return (
    <ul class="missing-list">
      {missing.map((x) => {
        const link = fix[x.code];
        return (
          <li class={`missing missing-${x.severity}`}>
            {x.severity === 'hard' ? <span class="badge badge-must">{m.guards.required}</span> : x.severity === 'overridable' ? <span class="badge badge-warn">{m.guards.overridable}</span> : null} {text(x)}
            {x.names.length > 0 ? <> {x.names.join(', ')}{x.count > x.names.length ? ` ${m.guards.more(x.count - x.names.length)}` : ''}</> : null}
            {link ? <> <a href={link[1]}>{link[0]}</a></> : null}
          </li>
        );
      })}
    </ul>
  );
}
