import type { Db } from '../../db/client.js';
import { auditNameBook } from '../../db/queries/audit-names.js';
import { AUDIT_PAGE_CHARS, auditRowChars, eachAudit, type AuditFilter, type AuditRow } from '../../db/queries/audit-search.js';
import { describeAudit } from '../audit-sentences/describe.js';
import { emptyRefs, isRecord, type AuditFacts, type AuditNames } from '../domain/audit/facts.js';
import { refsOf } from '../domain/audit/subject.js';

/**
 * Audit entries as people read them: each with its sentence and names. An entry keeps the ones it
 * was written with; one written before migration 008 has none, so they are made here from the
 * names as they are now, and marked `reconstructed` so nobody takes them for the record.
 */
export interface ReadableAuditRow extends Omit<AuditRow, 'summary' | 'names'> {
  summary: string;
  names: AuditNames;
  summarySource: 'recorded' | 'reconstructed';
}

/** The stored JSON text back as a value; text that is not JSON (never written by recordAudit) is passed through. */
export function parseAuditJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const factsOf = (r: AuditRow): AuditFacts => ({ actorId: r.actor_id, action: r.action, entity: r.entity, entityId: r.entity_id, before: parseAuditJson(r.before), after: parseAuditJson(r.after) });

const storedNames = (text: string | null): AuditNames => {
  const v = parseAuditJson(text);
  return isRecord(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string')) : {};
};

/** The rows with their sentences; one names lookup for all the older rows of the page. */
export async function readableAudit(db: Db, evaluationId: number, rows: readonly AuditRow[]): Promise<ReadableAuditRow[]> {
  const older = rows.filter((r) => r.summary === null);
  const refs = emptyRefs();
  for (const r of older) refsOf(factsOf(r), refs);
  const book = older.length > 0 ? await auditNameBook(db, evaluationId, refs) : null;
  return rows.map((r) => {
    if (r.summary !== null || !book) return { ...r, summary: r.summary ?? '', names: storedNames(r.names), summarySource: 'recorded' };
    const { summary, names } = describeAudit(factsOf(r), book);
    return { ...r, summary, names, summarySource: 'reconstructed' };
  });
}

const CHUNK = 200;

/** Every matching entry with its sentence, oldest first, read and named a chunk at a time (exports, the unpaged API). */
export async function* eachReadableAudit(db: Db, evaluationId: number, filter: AuditFilter): AsyncGenerator<ReadableAuditRow> {
  let chunk: AuditRow[] = [];
  let chars = 0;
  for await (const r of eachAudit(db, evaluationId, filter)) {
    chunk.push(r);
    chars += auditRowChars(r);
    // By text as well as rows: gathering 200 big entries reads many pages in one turn of the loop.
    if (chunk.length === CHUNK || chars >= AUDIT_PAGE_CHARS) {
      yield* await readableAudit(db, evaluationId, chunk);
      chunk = [];
      chars = 0;
    }
  }
  if (chunk.length > 0) yield* await readableAudit(db, evaluationId, chunk);
}
