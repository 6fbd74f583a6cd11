import { describe, expect, test } from 'vitest';
import { describeAudit, redescribeAudit } from '../../server/audit-sentences/describe.js';
import { describers } from '../../server/audit-sentences/describers/index.js';
import { emptyBook, type AuditFacts } from '../../server/domain/audit/facts.js';
import { withLocale } from '../../server/i18n/current.js';

// Issue 16: every describer's sentence exists in German, Dutch and Polish, with the names as given;
// the stored sentence (describeAudit) stays English whatever the language of the work in hand.

const book = emptyBook();
book.users.set(1, 'Fiona Facilitator').set(2, 'Eve Evaluator');
book.vendors.set(10, 'Medallia');
book.criteria.set(22, 'Data');

const e = (action: string, entity: string, entityId: string | number, before: unknown, after: unknown, actorId: number | null = 1): AuditFacts =>
  ({ actorId, action, entity, entityId: String(entityId), before, after });

describe('audit sentences in the reader’s language', () => {
  test('every describer answers in each language, differently from English, names kept', () => {
    const f = e('score', 'score', '10:22', null, { value: 4 }, 2);
    expect(withLocale('de', () => redescribeAudit(f, book))).toBe('Eve Evaluator hat Medallia bei Data bewertet: – → 4');
    const key = (k: string) => k.split(':') as [string, string];
    for (const k of Object.keys(describers)) {
      const [entity, action] = key(k);
      const facts = e(action, entity, entity === 'score' || entity === 'score-cell' ? '10:22' : 10, { name: 'Medallia', value: 3 }, { name: 'Medallia', value: 4 });
      const english = withLocale('en', () => redescribeAudit(facts, book));
      for (const lang of ['de', 'nl', 'pl'] as const) {
        const theirs = withLocale(lang, () => redescribeAudit(facts, book));
        expect(theirs, `${k} in ${lang}`).not.toBeNull();
        expect(theirs, `${k} in ${lang}`).not.toBe(english);
        expect(theirs, `${k} in ${lang}`).toContain(k.startsWith('report-link:view') ? '10' : 'Fiona Facilitator');
      }
    }
  });

  test('Polish plurals: 2 oceny, 5 ocen', () => {
    const batch = (n: number) => e('score-batch', 'score', 'batch:1', [], Array.from({ length: n }, () => [10, 22, 3]), 2);
    expect(withLocale('pl', () => redescribeAudit(batch(2), book))).toMatch(/zapisał\(a\) 2 oceny:/);
    expect(withLocale('pl', () => redescribeAudit(batch(5), book))).toMatch(/zapisał\(a\) 5 ocen:/);
  });

  test('the stored sentence is English inside a German request', () => {
    const f = e('score', 'score', '10:22', null, { value: 4 }, 2);
    expect(withLocale('de', () => describeAudit(f, book).summary)).toBe('Eve Evaluator scored Medallia on Data: – → 4');
  });

  test('an entry no describer knows is not re-described (the page keeps the stored sentence)', () => {
    expect(withLocale('de', () => redescribeAudit(e('frobnicate', 'widget', 1, null, {}), book))).toBeNull();
  });
});
