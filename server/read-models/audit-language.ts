import type { Db } from '../../db/client.js';
import { auditNameBook } from '../../db/queries/audit-names.js';
import { redescribeAudit } from '../audit-sentences/describe.js';
import { emptyRefs, type AuditFacts, type AuditNames, type NameBook } from '../domain/audit/facts.js';
import { refsOf, subjectOf } from '../domain/audit/subject.js';
import { currentLocale } from '../i18n/current.js';
import { parseAuditJson, type ReadableAuditRow } from './audit-log.js';

/**
 * The audit page's sentences in the reader's language (issue 16, ADR 039). The stored summary is
 * English and stays the record (the search runs over it, the API and CSV return it); a reader in
 * German, Dutch or Polish gets each entry described again from its facts (an entry older than
 * stored sentences carries today's names already). The names are
 * the ones the entry kept wherever they stand for one id (the actor, the vendor, the criterion,
 * the member, the weight set); only ids an entry lists several of (a batch's cells, a weights map)
 * are named as they are today. An entry no describer knows, or one that trips its describer,
 * keeps its stored sentence.
 */
const factsOf = (r: ReadableAuditRow): AuditFacts => ({ actorId: r.actor_id, action: r.action, entity: r.entity, entityId: r.entity_id, before: parseAuditJson(r.before), after: parseAuditJson(r.after) });

/** Today's names with the entry's own names laid over them. */
function bookOf(today: NameBook, f: AuditFacts, kept: AuditNames): NameBook {
  const book: NameBook = { users: new Map(today.users), vendors: new Map(today.vendors), criteria: new Map(today.criteria), groups: today.groups, weightSets: new Map(today.weightSets) };
  const s = subjectOf(f);
  const only = (ids: number[]) => (ids.length === 1 ? ids[0] : undefined);
  const lay = (map: Map<number, string>, id: number | null | undefined, name: string | undefined) => { if (id !== null && id !== undefined && name) map.set(id, name); };
  lay(book.users, f.actorId, kept.actor);
  lay(book.users, only(s.members.filter((id) => id !== f.actorId)), kept.member);
  lay(book.vendors, only(s.vendors), kept.vendor);
  lay(book.criteria, only(s.criteria), kept.criterion);
  lay(book.weightSets, s.weightSet, kept.weightSet);
  return book;
}

export async function inReadersLanguage(db: Db, evaluationId: number, rows: readonly ReadableAuditRow[]): Promise<ReadableAuditRow[]> {
  // English readers read the record itself.
  if (currentLocale() === 'en' || rows.length === 0) return [...rows];
  const refs = emptyRefs();
  const facts = new Map(rows.map((r) => [r.id, factsOf(r)]));
  for (const f of facts.values()) refsOf(f, refs);
  const today = await auditNameBook(db, evaluationId, refs);
  return rows.map((r) => {
    const f = facts.get(r.id);
    const again = f ? redescribeAudit(f, bookOf(today, f, r.names)) : null;
    return again === null ? r : { ...r, summary: again };
  });
}
