import { idOf, isRecord, pairOf, type AuditFacts, type NameRefs } from './facts.js';
import { batchCells, BATCH_LISTED } from './batch.js';

/**
 * Which vendors, criteria, members, groups and weight set an entry is about, from the ids it
 * carries: the entity id by the convention of its entity, then keys anywhere in before/after
 * (`vendorId`, `vendorIds`, `criterionId`, `userId`, `memberId`, `groupId`, `weightSetVersion`).
 * That convention is how an action nobody wrote a describer for still gets its names.
 */
export interface AuditSubject { vendors: number[]; criteria: number[]; members: number[]; groups: number[]; weightSet: number | null }

/** Entities whose id is a user's. */
const USER_ENTITIES = new Set(['member', 'declaration', 'submission', 'vote', 'approval']);

const KEYS: Record<string, keyof Omit<AuditSubject, 'weightSet'>> = {
  vendorId: 'vendors', vendorIds: 'vendors', criterionId: 'criteria', criterionIds: 'criteria',
  userId: 'members', memberId: 'members', userIds: 'members', groupId: 'groups',
};

function add(list: number[], v: unknown) {
  const id = idOf(v);
  if (id !== null && !list.includes(id)) list.push(id);
}

/** Ids under the known keys, in a value and one level of nested objects. */
function scan(v: unknown, s: AuditSubject, depth: number) {
  if (!isRecord(v)) return;
  for (const [k, x] of Object.entries(v)) {
    const list = KEYS[k];
    if (list) for (const id of Array.isArray(x) ? x : [x]) add(s[list], id);
    else if (k === 'weightSetVersion') s.weightSet = idOf(x) ?? s.weightSet;
    else if (depth < 1) scan(x, s, depth + 1);
  }
}

export function subjectOf(f: AuditFacts): AuditSubject {
  const s: AuditSubject = { vendors: [], criteria: [], members: [], groups: [], weightSet: null };
  const pair = pairOf(f.entityId);
  if (f.entity === 'vendor') add(s.vendors, f.entityId);
  else if (f.entity === 'criterion') add(s.criteria, f.entityId);
  else if (f.entity === 'group') add(s.groups, f.entityId);
  else if (f.entity === 'weights') s.weightSet = idOf(f.entityId);
  else if ((f.entity === 'score' || f.entity === 'score-cell') && pair) { add(s.vendors, pair[0]); add(s.criteria, pair[1]); }
  else if (f.entity === 'feedback' && pair) { add(s.vendors, pair[0]); add(s.members, pair[1]); }
  else if (USER_ENTITIES.has(f.entity)) add(s.members, f.entityId);
  for (const side of [f.before, f.after]) scan(side, s, 0);
  if (f.action === 'score-batch') for (const [v, c] of batchCells(f.after).slice(0, BATCH_LISTED)) { add(s.vendors, v); add(s.criteria, c); }
  return s;
}

/** Criterion ids used as keys of a weights map (weights entries and votes). */
function weightKeys(f: AuditFacts): unknown[] {
  const maps = f.entity === 'weights' ? [f.before, f.after] : f.entity === 'vote' ? [isRecord(f.before) ? f.before.weights : null, isRecord(f.after) ? f.after.weights : null] : [];
  return maps.flatMap((m) => (isRecord(m) ? Object.keys(m) : []));
}

/** Every id whose name the entry's sentence may need: its subject, its actor, and the criteria of a weights map. */
export function refsOf(f: AuditFacts, into: NameRefs): NameRefs {
  const s = subjectOf(f);
  const put = (set: Set<number>, v: unknown) => { const id = idOf(v); if (id !== null) set.add(id); };
  put(into.users, f.actorId);
  s.members.forEach((id) => into.users.add(id));
  s.vendors.forEach((id) => into.vendors.add(id));
  s.criteria.forEach((id) => into.criteria.add(id));
  s.groups.forEach((id) => into.groups.add(id));
  if (s.weightSet !== null) into.weightSets.add(s.weightSet);
  weightKeys(f).forEach((k) => put(into.criteria, k));
  // A criterion's parent, named in "added criterion X under Y" (not a subject of its own).
  if (f.entity === 'criterion') for (const side of [f.before, f.after]) if (isRecord(side)) put(into.criteria, side.parentId);
  return into;
}
