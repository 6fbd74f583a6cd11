import { isRecord, type AuditFacts, type AuditNames, type NameBook } from '../domain/audit/facts.js';
import { subjectOf, type AuditSubject } from '../domain/audit/subject.js';
import { batchCells, BATCH_LISTED } from '../domain/audit/batch.js';
import { m } from '../../views/messages/index.js';

/** What a describer gets: the entry, its names, and lookups for any other id it mentions. */
export interface DescribeContext {
  f: AuditFacts;
  subject: AuditSubject;
  names: AuditNames;
  /** The actor's name, or "The system" for entries without one. */
  actor: string;
  /** The member the entry concerns, or "someone" when unknown. */
  member: string;
  vendor(id: number): string;
  criterion(id: number): string;
  user(id: number): string;
  group(id: number): string;
}

/** A sentence for one kind of entry. */
export type Describer = (c: DescribeContext) => string;

/** Names listed in a cell: up to three, then "and N more"; "and more" when the ids themselves were only the first few (a long batch). */
function listNames(names: string[], partial: boolean): string | undefined {
  if (names.length === 0) return undefined;
  const unique = [...new Set(names)];
  const shown = unique.slice(0, 3).join(', ');
  if (unique.length > 3) return partial ? m.auditSentences.namesAndMore(shown) : m.auditSentences.namesAndCount(shown, unique.length - 3);
  return partial ? m.auditSentences.namesAndMore(shown) : shown;
}

/** The `name` a snapshot of the entry's own object kept (for an object deleted in the same write). */
function ownName(f: AuditFacts, entity: string, id: number): string | undefined {
  if (f.entity !== entity || f.entityId !== String(id)) return undefined;
  for (const side of [f.after, f.before]) if (isRecord(side) && typeof side.name === 'string' && side.name) return side.name;
  return undefined;
}

export function contextOf(f: AuditFacts, book: NameBook): DescribeContext {
  const subject = subjectOf(f);
  const named = (map: Map<number, string>, entity: string, fallback: string) => (id: number) => map.get(id) ?? ownName(f, entity, id) ?? `${fallback} ${id}`;
  const vendor = named(book.vendors, 'vendor', 'vendor');
  const criterion = named(book.criteria, 'criterion', 'criterion');
  const group = named(book.groups, 'group', 'group');
  const user = (id: number) => book.users.get(id) ?? m.auditSentences.someone;
  const others = subject.members.filter((id) => id !== f.actorId);
  const partial = f.action === 'score-batch' && batchCells(f.after).length > BATCH_LISTED;
  const actor = f.actorId === null ? undefined : book.users.get(f.actorId);
  const names: AuditNames = {
    ...(actor ? { actor } : {}),
    ...(subject.vendors.length ? { vendor: listNames(subject.vendors.map(vendor), partial) } : {}),
    ...(subject.criteria.length ? { criterion: listNames(subject.criteria.map(criterion), partial) } : {}),
    ...(others.length ? { member: listNames(others.map(user), false) } : {}),
    ...(subject.weightSet !== null ? { weightSet: book.weightSets.get(subject.weightSet) ?? `version ${subject.weightSet}` } : {}),
  };
  return {
    f, subject, names, vendor, criterion, user, group,
    actor: actor ?? (f.actorId === null ? m.auditSentences.theSystem : m.auditSentences.someone),
    member: names.member ?? (subject.members[0] !== undefined ? user(subject.members[0]) : m.auditSentences.someone),
  };
}
