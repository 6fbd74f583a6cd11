import { contextOf } from './context.js';
import { describers } from './describers/index.js';
import { fallbackSentence } from './fallback.js';
import { withLocale } from '../i18n/current.js';
import type { AuditFacts, AuditNames, NameBook } from '../domain/audit/facts.js';

export type { AuditFacts, AuditNames, NameBook } from '../domain/audit/facts.js';

/**
 * An audit entry in one sentence with the names it mentions, e.g. "Eve Evaluator scored Medallia
 * on Data: – → 4". The describer is found by `entity:action`, then by `action`; an entry without
 * one gets the fallback sentence. Pure: recordAudit and the score writer call it with names read
 * in the writing transaction; the audit read model with today's names for older entries.
 */
export function describeAudit(f: AuditFacts, book: NameBook): { summary: string; names: AuditNames } {
  // The record is English whoever writes it (a German facilitator's request, the score writer's
  // thread): it is evidence and the audit search runs over it. Readers get it in their language
  // from redescribeAudit (ADR 039).
  return withLocale('en', () => describeInEnglish(f, book));
}

function describeInEnglish(f: AuditFacts, book: NameBook): { summary: string; names: AuditNames } {
  const c = contextOf(f, book);
  const describer = describers[`${f.entity}:${f.action}`] ?? describers[f.action];
  let summary: string;
  try {
    summary = describer ? describer(c) : fallbackSentence(c);
  } catch {
    // An entry whose shape a describer did not expect still gets a sentence; the record is never lost over wording.
    summary = fallbackSentence(c);
  }
  return { summary, names: c.names };
}

/**
 * An entry's sentence made again from its facts, for a reader in another language (issue 16): the
 * describer's sentence, or null when the entry has no describer or its shape trips the describer,
 * so the caller shows the stored sentence instead (the record, never a guess).
 */
export function redescribeAudit(f: AuditFacts, book: NameBook): string | null {
  const describer = describers[`${f.entity}:${f.action}`] ?? describers[f.action];
  if (!describer) return null;
  try {
    return describer(contextOf(f, book));
  } catch {
    return null;
  }
}
