import { describe, expect, test } from 'vitest';
import { overridden, refusing, statusPreconditions, type StatusFacts } from '../../server/domain/rules/status-preconditions.js';
import { isStructureFrozen, structureChangeRefusal, weightChangeNeedsReason } from '../../server/domain/rules/structure.js';
import type { Status } from '../../server/domain/permissions.js';

const ready: StatusFacts = { vendors: 3, scoredLeaves: 4, unsubmitted: [], unscoredVendors: { count: 0, names: [] }, votesMissing: { count: 0, names: [] } };
const facts = (over: Partial<StatusFacts>): StatusFacts => ({ ...ready, ...over });
const codes = (from: Status, to: Status, f: StatusFacts) => statusPreconditions(from, to, f).map((x) => `${x.code}:${x.severity}`);

describe('statusPreconditions', () => {
  test.each([
    ['draft → scoring, all there', 'draft', 'scoring', ready, []],
    ['draft → scoring, no vendor', 'draft', 'scoring', facts({ vendors: 0 }), ['no_vendors:hard']],
    ['draft → scoring, no scored leaf', 'draft', 'scoring', facts({ scoredLeaves: 0 }), ['no_scored_criterion:hard']],
    ['draft → scoring, neither', 'draft', 'scoring', facts({ vendors: 0, scoredLeaves: 0 }), ['no_vendors:hard', 'no_scored_criterion:hard']],
    ['voting → scoring, votes missing is a notice', 'voting', 'scoring', facts({ votesMissing: { count: 2, names: ['Ann', 'Bo'] } }), ['votes_not_cast:notice']],
    ['voting → scoring, no vendor and votes missing', 'voting', 'scoring', facts({ vendors: 0, votesMissing: { count: 1, names: ['Ann'] } }), ['no_vendors:hard', 'votes_not_cast:notice']],
    ['draft → scoring ignores votes (voting skipped)', 'draft', 'scoring', facts({ votesMissing: { count: 5, names: [] } }), []],
    ['scoring → review, everyone submitted', 'scoring', 'review', ready, []],
    ['scoring → review, one not submitted', 'scoring', 'review', facts({ unsubmitted: ['Eve'] }), ['evaluators_not_submitted:overridable']],
    ['scoring → review, unscored vendors are a notice', 'scoring', 'review', facts({ unscoredVendors: { count: 12, names: ['A'] } }), ['vendors_unscored:notice']],
    ['scoring → review ignores an empty longlist', 'scoring', 'review', facts({ vendors: 0 }), []],
    ['draft → voting has none', 'draft', 'voting', facts({ vendors: 0, scoredLeaves: 0 }), []],
    ['review → decided is the decision’s own rules', 'review', 'decided', facts({ unsubmitted: ['Eve'] }), []],
  ] as const)('%s', (_name, from, to, f, expected) => {
    expect(codes(from, to, f)).toEqual(expected);
  });

  test('names and counts travel with the missing thing', () => {
    const [x] = statusPreconditions('scoring', 'review', facts({ unsubmitted: ['Eve', 'Ed'] }));
    expect(x).toEqual({ code: 'evaluators_not_submitted', severity: 'overridable', count: 2, names: ['Eve', 'Ed'] });
  });
});

describe('refusing and overridden', () => {
  const all = statusPreconditions('scoring', 'review', facts({ unsubmitted: ['Eve'], unscoredVendors: { count: 1, names: ['Z'] } }));
  const hard = statusPreconditions('draft', 'scoring', facts({ vendors: 0 }));
  test.each([
    ['unforced: the overridable gap refuses', all, false, ['evaluators_not_submitted'], []],
    ['forced: nothing refuses, the override is recorded', all, true, [], ['evaluators_not_submitted']],
    ['a hard gap refuses even when forced', hard, true, ['no_vendors'], []],
    ['nothing missing', [], false, [], []],
  ] as const)('%s', (_name, missing, force, refused, went) => {
    expect(refusing(missing, force).map((x) => x.code)).toEqual(refused);
    expect(overridden(missing, force).map((x) => x.code)).toEqual(went);
  });
});

describe('the structure rule', () => {
  test.each([
    ['draft', false, false], ['voting', false, false], ['scoring', true, true], ['review', true, true], ['decided', true, false],
  ] as const)('%s: frozen %s, a weight change needs a reason %s', (status, frozen, reason) => {
    expect(isStructureFrozen(status)).toBe(frozen);
    expect(structureChangeRefusal(status, 'delete-vendor')).toBe(frozen ? 'structure_frozen' : null);
    expect(weightChangeNeedsReason(status)).toBe(reason);
  });
});
