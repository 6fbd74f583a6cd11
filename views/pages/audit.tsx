import type { CurrentUser } from '../../server/context.js';
import { Field, Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';
import { SelectField } from '../partials/select-field.js';

// A subtree, not a leaf: its getters answer in the request's language (ADR 034).
const audit = m.audit;

/** One audit entry as the page shows it; `before`/`after` are the parsed JSON. */
export interface AuditEntryView {
  id: number;
  at: string;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  /** The entry in one sentence, names as they were (issue 11). */
  summary: string;
  /** `reconstructed`: an older entry described with today's names. */
  summarySource: 'recorded' | 'reconstructed';
  /** The member the actor acted for or on, when not themselves. */
  member?: string | undefined;
}

/** The filter form's values, exactly as typed (blank = no filter). */
export interface AuditFilterValues { action: string; entity: string; person: string; from: string; to: string; q: string }

export interface AuditPageProps {
  user: CurrentUser;
  nav: EvaluationNav;
  /** This page's entries, newest first. */
  entries: readonly AuditEntryView[];
  facets: { actions: readonly string[]; entities: readonly string[]; actors: readonly { id: number; name: string; email: string }[] };
  filters: AuditFilterValues;
  /** Whether any filter is in force (changes the empty-state text and shows "Clear"). */
  filtered: boolean;
  /** Whether this page was reached through Older/Newer (an empty one offers the way back). */
  paged: boolean;
  olderHref: string | null;
  newerHref: string | null;
  csvHref: string;
  badDate: boolean;
}

/** One changed field: its (dotted) key, and the value before and/or after. */
export interface AuditChange { key: string; before?: unknown; after?: unknown }

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Object → `key: value` pairs, one level of nesting spelled as `a.b` so weights and nested snapshots read well. */
function flatten(o: Record<string, unknown>, prefix = '', depth = 0): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v) && depth < 1 && Object.keys(v).length > 0) for (const [fk, fv] of flatten(v, key, depth + 1)) out.set(fk, fv);
    else out.set(key, v);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const blank = (v: unknown) => v === null || v === undefined || v === '';

/**
 * What an entry changed, compactly: for two objects, only the keys whose values differ; for a
 * creation, the values that were set; for a removal, what was there; for plain values, old → new.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (isPlainObject(before) && isPlainObject(after)) {
    const b = flatten(before);
    const a = flatten(after);
    const keys = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
    return keys
      .filter((k) => !same(b.get(k), a.get(k)))
      .map((k) => ({ key: k, ...(b.has(k) ? { before: b.get(k) } : {}), ...(a.has(k) ? { after: a.get(k) } : {}) }));
  }
  if (isPlainObject(after) && !hasBefore) return [...flatten(after)].filter(([, v]) => !blank(v)).map(([key, v]) => ({ key, after: v }));
  if (isPlainObject(before) && !hasAfter) return [...flatten(before)].filter(([, v]) => !blank(v)).map(([key, v]) => ({ key, before: v }));
  if (!hasBefore && !hasAfter) return [];
  if (same(before, after)) return [];
  return [{ key: '', ...(hasBefore ? { before } : {}), ...(hasAfter ? { after } : {}) }];
}

const MAX_TEXT = 80;
const MAX_CHANGES = 6;

/** A value in a few readable characters. */
export function auditValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return audit.empty;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s;
}

/** A name the entry carries (a vendor's or criterion's), to say what it was about. */
function entryName(e: AuditEntryView): string | null {
  for (const side of [e.after, e.before]) if (isPlainObject(side) && typeof side.name === 'string' && side.name) return auditValue(side.name);
  return null;
}

function Changes({ entry }: { entry: AuditEntryView }) {
  const changes = auditChanges(entry.before, entry.after);
  if (changes.length === 0) return <span class="muted small">{audit.noChange}</span>;
  const shown = changes.slice(0, MAX_CHANGES);
  return (
    <ul class="audit-changes small">
      {shown.map((ch) => (
        <li>
          {ch.key ? <span class="muted">{`${ch.key}: `}</span> : null}
          {'before' in ch && 'after' in ch ? (
            <><del>{auditValue(ch.before)}</del>{` ${audit.arrow} `}<ins>{auditValue(ch.after)}</ins></>
          ) : 'after' in ch ? (
            <ins>{auditValue(ch.after)}</ins>
          ) : (
            <del>{auditValue(ch.before)}</del>
          )}
        </li>
      ))}
      {changes.length > shown.length ? <li class="muted">{audit.more(changes.length - shown.length)}</li> : null}
    </ul>
  );
}

const asOption = (s: string) => ({ value: s, label: s });

function Filters({ base, facets, filters, filtered }: Pick<AuditPageProps, 'facets' | 'filters' | 'filtered'> & { base: string }) {
  return (
    <form method="get" action={base} class="card audit-filters" id="audit-filters" role="search" aria-label={audit.filtersLabel}>
      <div class="row">
        <SelectField label={audit.action} name="action" any={audit.anyAction} value={filters.action} options={facets.actions.map(asOption)} />
        <SelectField label={audit.entity} name="entity" any={audit.anyEntity} value={filters.entity} options={facets.entities.map(asOption)} />
        <SelectField label={audit.person} name="person" any={audit.anyPerson} value={filters.person} options={facets.actors.map((p) => ({ value: String(p.id), label: p.name || p.email }))} />
      </div>
      <div class="row">
        <Field label={audit.from} name="from">
          <input id="f-from" type="date" name="from" value={filters.from} />
        </Field>
        <Field label={audit.to} name="to">
          <input id="f-to" type="date" name="to" value={filters.to} />
        </Field>
        <Field label={audit.text} name="q">
          <input id="f-q" type="search" name="q" value={filters.q} maxlength={160} placeholder={audit.textPlaceholder} autocomplete="off" />
        </Field>
        <div class="row">
          <button type="submit" class="button button-primary">{audit.apply}</button>
          {filtered ? <a href={base} class="button">{audit.clear}</a> : null}
        </div>
      </div>
    </form>
  );
}

function EntryRow({ e }: { e: AuditEntryView }) {
  return (
    <tr id={`audit-${e.id}`}>
      <td class="nowrap audit-when"><time datetime={e.at}>{e.at.slice(0, 16).replace('T', ' ')}</time></td>
      <td class="audit-who">
        {e.actor ? <span title={e.actor.email}>{e.actor.name || e.actor.email || audit.unknownPerson}</span> : <span class="muted">{audit.system}</span>}
        {e.member ? <span class="audit-for small muted">{audit.forMember(e.member)}</span> : null}
      </td>
      <td class="audit-what">
        <p class="audit-summary">{e.summary}</p>
        {e.summarySource === 'reconstructed' ? <p class="small muted">{audit.reconstructed}</p> : null}
        <details class="audit-details">
          <summary class="small">{audit.details(e.action, audit.entityLabel(e.entity, e.entityId, entryName(e)))}</summary>
          <Changes entry={e} />
        </details>
      </td>
    </tr>
  );
}

/** GET /evaluations/:id/audit — the evaluation's audit trail, filterable, newest first, 50 a page. */
export function AuditPage(p: AuditPageProps) {
  const base = `/evaluations/${p.nav.id}/audit`;
  const anyFacet = p.facets.actions.length > 0;
  return (
    <Layout title={audit.title} user={p.user} evaluation={p.nav} wide>
      <div class="page-head">
        <h1>{audit.heading}</h1>
        <p class="muted">{audit.intro}</p>
      </div>
      {!anyFacet ? (
        <div class="empty"><p>{audit.emptyLog}</p></div>
      ) : (
        <>
          <Filters base={base} facets={p.facets} filters={p.filters} filtered={p.filtered} />
          {p.badDate ? <p class="alert alert-warn">{audit.badDate}</p> : null}
          <p class="row">
            <a href={p.csvHref} class="button button-small" download>{audit.exportCsv}</a>
            <span class="muted small">{audit.exportHint}</span>
          </p>
          {p.entries.length === 0 ? (
            <div class="empty" id="audit-empty">
              <p>{p.paged ? audit.noMoreHere : p.filtered ? audit.noMatches : audit.emptyLog}</p>
              {p.paged ? <p><a href={base}>{audit.backToNewest}</a></p> : null}
            </div>
          ) : (
            <div class="table-wrap">
              <table class="table compact audit-table" id="audit-table">
                <caption class="visually-hidden">{audit.tableCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{audit.columns.at}</th>
                    <th scope="col">{audit.columns.actor}</th>
                    <th scope="col">{audit.columns.what}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.entries.map((e) => <EntryRow e={e} />)}
                </tbody>
              </table>
            </div>
          )}
          {p.olderHref || p.newerHref ? (
            <nav class="pager" aria-label={audit.pagerLabel}>
              {p.newerHref ? <a href={p.newerHref} class="button button-small" rel="prev">{audit.newer}</a> : <span />}
              <span class="muted small">{audit.showing(p.entries.length)}</span>
              {p.olderHref ? <a href={p.olderHref} class="button button-small" rel="next">{audit.older}</a> : <span />}
            </nav>
          ) : null}
        </>
      )}
    </Layout>
  );
}
