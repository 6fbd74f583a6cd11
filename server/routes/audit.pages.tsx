import { Hono, type Context } from 'hono';
import { localCsv } from '../exports/csv.js';
import { m } from '../../views/messages/index.js';
import type { AppEnv } from '../context.js';
import type { Tab } from '../../views/layout.js';
import { AuditPage, type AuditEntryView, type AuditFilterValues } from '../../views/pages/audit.js';
import { html } from '../../views/render.js';
import { accessEvaluation } from '../access.js';
import { parseId } from '../ids.js';
import { evaluationPage } from './page-access.js';
import { auditActor, parseAuditJson } from './audit.api.js';
import { auditFilterAsSeen } from '../read-models/audit-visibility.js';
import { auditBound, auditExistsBeyond, auditFacets, searchAudit, type AuditFilter } from '../../db/queries/audit-search.js';
import { eachReadableAudit, readableAudit, type ReadableAuditRow } from '../read-models/audit-log.js';
import { inReadersLanguage } from '../read-models/audit-language.js';

export const AUDIT_PAGE_SIZE = 50;

/** The audit tab; typed loosely so this compiles before and after 'audit' joins the layout's tabs. */
const AUDIT_TAB: Tab = 'audit';

/** The filter form's fields from the query string, as typed, each capped. */
function filterValues(c: Context<AppEnv>): AuditFilterValues {
  const get = (name: string, max: number) => (c.req.query(name) ?? '').trim().slice(0, max);
  return { action: get('action', 60), entity: get('entity', 60), person: get('person', 16), from: get('from', 40), to: get('to', 40), q: get('q', 160) };
}

/** Form values → the query filter; dates that do not parse are dropped (and reported on the page). */
function filterOf(v: AuditFilterValues): { filter: AuditFilter; badDate: boolean } {
  const from = v.from ? auditBound(v.from, 'from') : null;
  const to = v.to ? auditBound(v.to, 'to') : null;
  const actorId = parseId(v.person);
  return {
    filter: {
      ...(v.action ? { action: v.action } : {}),
      ...(v.entity ? { entity: v.entity } : {}),
      ...(actorId !== null ? { actorId } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(v.q ? { q: v.q } : {}),
    },
    badDate: (v.from !== '' && from === null) || (v.to !== '' && to === null),
  };
}

/** The filters as a query string (blank ones left out), with an optional cursor. */
function queryOf(v: AuditFilterValues, cursor?: { before: number } | { after: number }): string {
  const params = new URLSearchParams();
  for (const [k, val] of Object.entries(v)) if (val) params.set(k, val);
  if (cursor) for (const [k, val] of Object.entries(cursor)) params.set(k, String(val));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The actor as the entry named them (their name then), with today's email for the tooltip. */
const actorAsRecorded = (r: ReadableAuditRow) => {
  const actor = auditActor(r);
  return actor && r.names.actor ? { ...actor, name: r.names.actor } : actor;
};

const entryView = (r: ReadableAuditRow): AuditEntryView => ({
  id: r.id, at: r.at, actor: actorAsRecorded(r), action: r.action, entity: r.entity, entityId: r.entity_id,
  before: parseAuditJson(r.before), after: parseAuditJson(r.after),
  summary: r.summary, summarySource: r.summarySource, member: r.names.member,
});

/** audit.csv: one column per field, names as the entry recorded them; entity and id last for tools. */
const csvHeader = (): string[] => { const h = m.exports.audit; return [h.at, h.actor, h.action, h.vendor, h.criterion, h.member, h.weightSet, h.before, h.after, h.summary, h.entity, h.entityId]; };
function csvRow(r: ReadableAuditRow): string[] {
  const actor = actorAsRecorded(r);
  const n = r.names;
  return [
    r.at, actor ? `${actor.name} <${actor.email}>` : '', r.action, n.vendor ?? '', n.criterion ?? '', n.member ?? '', n.weightSet ?? '',
    r.before ?? '', r.after ?? '', r.summary, r.entity, r.entity_id,
  ];
}

const csvName = (name: string) => `${name.replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'evaluation'}-audit.csv`;

/** The audit-log page and its CSV export; facilitator and observer only (others 403, non-members 404). */
export const auditPages = new Hono<AppEnv>()
  .get('/audit', async (c) => {
    const p = await evaluationPage(c, AUDIT_TAB, 'audit');
    const values = filterValues(c);
    const asked = filterOf(values);
    const { badDate } = asked;
    const filter = await auditFilterAsSeen(p.db, p, asked.filter);
    const beforeId = parseId(c.req.query('before'));
    const afterId = beforeId === null ? parseId(c.req.query('after')) : null;
    const id = p.evaluation.id;

    // Newest first: the default page and "Older" walk down from the top; "Newer" walks up from a cursor.
    const walkingUp = afterId !== null;
    const page = walkingUp
      ? await searchAudit(p.db, id, filter, { limit: AUDIT_PAGE_SIZE, afterId, order: 'asc' })
      : await searchAudit(p.db, id, filter, { limit: AUDIT_PAGE_SIZE, order: 'desc', ...(beforeId !== null ? { beforeId } : {}) });
    const rows = await inReadersLanguage(p.db, id, await readableAudit(p.db, id, walkingUp ? [...page.rows].reverse() : page.rows));

    let olderHref: string | null = null;
    let newerHref: string | null = null;
    const newest = rows[0];
    const oldest = rows[rows.length - 1];
    if (newest && oldest) {
      const hasOlder = walkingUp ? await auditExistsBeyond(p.db, id, filter, { beforeId: oldest.id }) : page.more;
      const hasNewer = walkingUp ? page.more : beforeId !== null && (await auditExistsBeyond(p.db, id, filter, { afterId: newest.id }));
      if (hasOlder) olderHref = `/evaluations/${id}/audit${queryOf(values, { before: oldest.id })}`;
      if (hasNewer) newerHref = `/evaluations/${id}/audit${queryOf(values, { after: newest.id })}`;
    }

    const filtered = Object.keys(asked.filter).length > 0;
    return html(
      c,
      <AuditPage
        user={p.user} nav={p.nav} entries={rows.map(entryView)} facets={await auditFacets(p.db, id)} filters={values}
        filtered={filtered} paged={beforeId !== null || afterId !== null} olderHref={olderHref} newerHref={newerHref}
        csvHref={`/evaluations/${id}/audit.csv${queryOf(values)}`} badDate={badDate}
      />,
    );
  })
  .get('/audit.csv', async (c) => {
    const a = await accessEvaluation(c, 'audit');
    const filter = await auditFilterAsSeen(c.get('db'), a, filterOf(filterValues(c)).filter);
    const lines: string[][] = [csvHeader()];
    for await (const r of eachReadableAudit(c.get('db'), a.evaluation.id, filter)) lines.push(csvRow(r));
    const body = localCsv(lines);
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csvName(a.evaluation.name)}"`,
      'cache-control': 'no-store',
    });
  });
