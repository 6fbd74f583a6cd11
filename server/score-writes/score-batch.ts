import type SQLite from 'better-sqlite3';
import { CHANGE_LOG_VERSIONS } from '../../db/queries/scores.js';
import { scoreWriteStatements, type ExistingScore, type ScoreWriteStatements, type WriteFacts } from '../../db/queries/score-writes.js';
import { scoreValueProblem } from '../domain/score-values.js';
import { describeAudit } from '../audit-sentences/describe.js';
import { emptyBook, type AuditFacts } from '../domain/audit/facts.js';
import { badRequest, conflict, notALeaf, notFound } from '../errors.js';
import { nowIso } from '../time.js';
import { mayScoreProblem } from '../services/panel.js';
import { scoreValueText } from '../services/score-value-text.js';
import { m } from '../../views/messages/index.js';
import { withLocale } from '../i18n/current.js';
import type { Locale } from '../i18n/locales.js';

/** One cell of the caller's own scores; `version` is the version the client last saw (0 for none). */
export interface ScoreInput {
  vendorId: number; criterionId: number; value: number | null; comment?: string | undefined; version?: number | undefined;
  /** Set when the evaluator abstains from the cell: the value is then N/A and the reason is kept. */
  abstainReason?: string | undefined;
}

// The SQLite side of the group commit (ADR 009): one transaction for a batch of single writes, a
// savepoint each. Synchronous and free of Kysely, so it runs the same on the main thread and in
// the writer thread (score-write-worker.ts).

export type Outcome = { ok: true; version: number } | { ok: false; error: unknown };

/** One queued write: whose, in which evaluation, what, and the language its refusal is phrased in (issue 16). */
export interface BatchItem { evaluationId: number; userId: number; input: ScoreInput; locale: Locale }

export function commitBatch(sqlite: SQLite.Database, batch: readonly BatchItem[]): Outcome[] {
  const st = scoreWriteStatements(sqlite);
  const at = nowIso();
  // One cells_version stamp per evaluation per batch, taken by its first successful write.
  const stamps = new Map<number, number>();
  const outcomes: Outcome[] = [];
  // IMMEDIATE takes the write lock up front, so another process cannot make this transaction fail halfway.
  st.begin.run();
  try {
    for (const p of batch) {
      const stamped = stamps.has(p.evaluationId);
      st.savepoint.run();
      try {
        // Each write in its own request's language: a batch (and the writer thread) serves several people.
        const version = withLocale(p.locale, () => writeOne(st, p, stamps, at));
        st.release.run();
        // Only now: one outcome per write, in order, whatever throws where.
        outcomes.push({ ok: true, version });
      } catch (error) {
        st.rollbackTo.run();
        st.release.run();
        if (!stamped) stamps.delete(p.evaluationId);
        outcomes.push({ ok: false, error });
      }
    }
    st.commit.run();
  } catch (err) {
    if (sqlite.inTransaction) st.rollback.run();
    throw err;
  }
  return outcomes;
}

/** Checks and writes one score inside the batch's transaction; throws the 4xx that stops it. */
function writeOne(st: ScoreWriteStatements, item: BatchItem, stamps: Map<number, number>, at: string): number {
  const { evaluationId, userId, input: s } = item;
  const f = checkFacts(st.facts.get({ evaluation: evaluationId, user: userId, vendor: s.vendorId, criterion: s.criterionId }) as WriteFacts | undefined, s);
  const existing = st.existing.get(s.vendorId, s.criterionId, userId) as ExistingScore | undefined;
  const version = nextVersion(existing, s);
  if (existing) st.update.run(s.value, s.comment ?? existing.comment, s.abstainReason ?? null, version, at, s.vendorId, s.criterionId, userId);
  else st.insert.run(evaluationId, s.vendorId, s.criterionId, userId, s.value, s.comment ?? '', s.abstainReason ?? null, version, at);

  let seq = stamps.get(evaluationId);
  if (seq === undefined) {
    seq = (st.bumpVersion.get(evaluationId) as { cells_version: number }).cells_version;
    st.pruneChanges.run(evaluationId, seq - CHANGE_LOG_VERSIONS);
    stamps.set(evaluationId, seq);
  }
  st.logChange.run(evaluationId, seq, s.vendorId, s.criterionId);
  (f.vendor_exclusions ? st.refreshCellCounted : st.refreshCell).run(s.vendorId, s.criterionId);
  st.audit.run(...auditValues(f, item, existing, at));
  return version;
}

/**
 * The may-score rules and the value check over the facts one statement read; throws the 4xx that
 * stops the write. Shared by both engines' write paths (ADR on PostgreSQL). The flags are 0/1 on
 * SQLite and booleans on PostgreSQL, so they are read as truthy.
 */
export function checkFacts(f: WriteFacts | undefined, s: ScoreInput): WriteFacts {
  if (!f) throw notFound('evaluation');
  const problem = mayScoreProblem({ status: f.status, declared: Boolean(f.declared), submitted: Boolean(f.submitted), excluded: Boolean(f.excluded), withdrawn: Boolean(f.withdrawn) });
  if (problem) throw problem;
  if (f.kind === null) throw f.criterion ? notALeaf() : notFound('leaf');
  if (!f.vendor) throw notFound('vendor');
  const valueProblem = scoreValueProblem(f.kind, { min: f.scale_min, max: f.scale_max }, s.value);
  if (valueProblem) throw badRequest(scoreValueText(valueProblem), { value: scoreValueText(valueProblem) });
  return f;
}

/** The version the write stores; a 409 when the client saw another one (optimistic versions). */
export function nextVersion(existing: ExistingScore | undefined, s: ScoreInput): number {
  if (s.version !== undefined && s.version !== (existing?.version ?? 0)) {
    throw conflict('stale_version', m.errors.staleScoreVersion(existing?.value ?? null, existing?.version ?? 0));
  }
  return (existing?.version ?? 0) + 1;
}

/** The audit entry's row values, in the `audit` statement's order. */
export function auditValues(f: WriteFacts, item: BatchItem, existing: ExistingScore | undefined, at: string): unknown[] {
  const { evaluationId, userId, input: s } = item;
  const after = { value: s.value, ...(s.comment !== undefined ? { comment: s.comment } : {}) };
  const facts: AuditFacts = { actorId: userId, action: 'score', entity: 'score', entityId: `${s.vendorId}:${s.criterionId}`, before: existing ? { value: existing.value } : null, after };
  const { summary, names } = describeAudit(facts, namesOf(f, item));
  return [f.team_id, evaluationId, userId, at, facts.action, facts.entity, facts.entityId,
    facts.before === null ? null : JSON.stringify(facts.before), JSON.stringify(after), summary, JSON.stringify(names)];
}

/** The names the facts statement read, as the describer takes them (the same as recordAudit would read). */
function namesOf(f: WriteFacts, { userId, input }: BatchItem) {
  const book = emptyBook();
  if (f.actor_name !== null) book.users.set(userId, f.actor_name);
  if (f.vendor_name !== null) book.vendors.set(input.vendorId, f.vendor_name);
  if (f.criterion_name !== null) book.criteria.set(input.criterionId, f.criterion_name);
  return book;
}
