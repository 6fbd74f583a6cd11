import { describe, expect, test } from 'vitest';
import { describeAudit } from '../../server/audit-sentences/describe.js';
import { describers } from '../../server/audit-sentences/describers/index.js';
import { emptyBook, emptyRefs, type AuditFacts } from '../../server/domain/audit/facts.js';
import { happened } from '../../server/audit-sentences/fallback.js';
import { refsOf } from '../../server/domain/audit/subject.js';

// Issue 11: each action's sentence, from the ids an entry carries and the names read for them.

const FIONA = 1;
const EVE = 2;
const book = emptyBook();
book.users.set(FIONA, 'Fiona Facilitator').set(EVE, 'Eve Evaluator');
book.vendors.set(10, 'Medallia').set(11, 'Zendesk');
book.criteria.set(20, 'Omnichannel').set(21, 'Cross-channel journey orchestration').set(22, 'Data');
book.groups.set(30, 'Marketing');
book.weightSets.set(3, 'Board weights (version 3)');

const entry = (action: string, entity: string, entityId: string | number, before: unknown, after: unknown, actorId: number | null = FIONA): AuditFacts =>
  ({ actorId, action, entity, entityId: String(entityId), before, after });

/** [describer key, entry, sentence]: one row per describer (a test below checks none is missing). */
const cases: [string, AuditFacts, string][] = [
  ['score:score', entry('score', 'score', '10:21', null, { value: 4 }, EVE), 'Eve Evaluator scored Medallia on Cross-channel journey orchestration: – → 4'],
  ['score:score-batch', entry('score-batch', 'score', 'batch:2', [[10, 22, 2]], [[10, 22, 3], [11, 22, null]], EVE), 'Eve Evaluator saved 2 scores: Medallia / Data: 2 → 3; Zendesk / Data: – → N/A'],
  ['score:clear', entry('clear', 'score', '10:22', { value: 3, comment: '' }, null, EVE), 'Eve Evaluator withdrew their score for Medallia on Data: 3 → –'],
  ['score-cell:consensus', entry('consensus', 'score-cell', '10:22', undefined, { value: 4, rationale: 'Demo showed it' }), "Fiona Facilitator set the panel's consensus for Medallia on Data: – → 4 (rationale 'Demo showed it')"],
  ['score-cell:clear-consensus', entry('clear-consensus', 'score-cell', '10:22', { value: 4 }, { value: null }), "Fiona Facilitator removed the panel's consensus for Medallia on Data: 4 → –"],
  ['weights:set', entry('set', 'weights', 3, { 20: 0.2, 22: 0.8 }, { 20: 0.3, 22: 0.7 }), "Fiona Facilitator changed the weights (Board weights (version 3)): Omnichannel 20 % → 30 %; Data 80 % → 70 %"],
  ['vote:vote', entry('vote', 'vote', EVE, undefined, { method: 'points', weights: { 20: 0.6, 22: 0.4 } }, EVE), 'Eve Evaluator voted on the weights by 100-point allocation: Omnichannel 60 %; Data 40 %'],
  ['vote:revote', entry('revote', 'vote', EVE, { method: 'points', weights: { 20: 0.6, 22: 0.4 } }, { method: 'rank', weights: { 20: 0.5, 22: 0.5 } }, EVE), 'Eve Evaluator changed their vote (rank order): Omnichannel 60 % → 50 %; Data 40 % → 50 %'],
  ['group-weights:set', entry('set', 'group-weights', 5, { Marketing: 1, IT: 1 }, { Marketing: 2, IT: 1 }), 'Fiona Facilitator set the stakeholder group weights: Marketing 1 → 2'],
  ['voting-settings:set', entry('set', 'voting-settings', 5, { aggregation: 'mean' }, { aggregation: 'median' }), "Fiona Facilitator changed the voting settings: aggregation 'mean' → 'median'"],
  ['group:create', entry('create', 'group', 30, undefined, { name: 'Marketing', weight: 1 }), "Fiona Facilitator added the stakeholder group 'Marketing' (weight 1)"],
  ['vendor:create', entry('create', 'vendor', 10, undefined, { name: 'Medallia', website: '', price: 1200 }), "Fiona Facilitator added vendor 'Medallia' (price 1200)"],
  ['vendor:update', entry('update', 'vendor', 10, { name: 'Medalia', price: null }, { name: 'Medallia', price: 1200 }), "Fiona Facilitator changed vendor 'Medalia': name 'Medalia' → 'Medallia'; price – → 1200"],
  ['vendor:delete', entry('delete', 'vendor', 99, { name: 'Gone Ltd', scores: 3 }, undefined), "Fiona Facilitator deleted vendor 'Gone Ltd' and 3 scores"],
  ['criterion:create', entry('create', 'criterion', 21, undefined, { name: 'Cross-channel journey orchestration', parentId: 20, kind: 'scored', description: 'long' }), "Fiona Facilitator added criterion 'Cross-channel journey orchestration' under 'Omnichannel' (kind 'scored')"],
  ['criterion:update', entry('update', 'criterion', 22, { name: 'Data', kind: 'scored' }, { name: 'Data', kind: 'must-have' }), "Fiona Facilitator changed criterion 'Data': kind 'scored' → 'must-have'"],
  ['criterion:delete', entry('delete', 'criterion', 20, { name: 'Omnichannel', children: ['Journeys'], scores: 0 }, undefined), "Fiona Facilitator deleted criterion 'Omnichannel' with its sub-criteria 'Journeys'"],
  ['vendor:screen-out', entry('screen-out', 'vendor', 11, { name: 'Zendesk', screenedOut: null }, { count: 1, reason: 'No EU hosting' }), "Fiona Facilitator screened out vendor 'Zendesk': 'No EU hosting'"],
  ['vendor:screen-in', entry('screen-in', 'vendor', 'filter', { reasons: {} }, { count: 12, filter: 'chat' }), "Fiona Facilitator brought back 12 vendors matching 'chat'"],
  ['vendor:import', entry('import', 'vendor', 'import:40', undefined, { created: 30, updated: 5, unchanged: 3, rejected: 2 }), 'Fiona Facilitator imported the longlist: 30 created, 5 updated, 3 unchanged, 2 rejected'],
  ['member:add', entry('add', 'member', EVE, undefined, { email: 'eve@x.test', role: 'evaluator', group: null }), 'Fiona Facilitator added Eve Evaluator as evaluator'],
  ['member:readd', entry('readd', 'member', EVE, { role: 'observer' }, { role: 'evaluator' }), 'Fiona Facilitator brought Eve Evaluator back as evaluator (was observer)'],
  ['member:remove', entry('remove', 'member', EVE, { role: 'evaluator', groupId: null }, { removed: true }), 'Fiona Facilitator removed Eve Evaluator (evaluator) from the evaluation'],
  ['member:exclude', entry('exclude', 'member', EVE, undefined, { vendorId: 10, reason: 'Former employee' }), "Fiona Facilitator excluded Eve Evaluator from scoring Medallia: 'Former employee'"],
  ['member:lift-exclusion', entry('lift-exclusion', 'member', EVE, { vendorId: 10 }, undefined), 'Fiona Facilitator let Eve Evaluator score Medallia again'],
  ['member:assign', entry('assign', 'member', EVE, undefined, { vendorId: 10, criterionId: null }), 'Fiona Facilitator assigned Eve Evaluator to Medallia / every criterion'],
  ['member:unassign', entry('unassign', 'member', EVE, { vendorId: null, criterionId: 22 }, undefined), 'Fiona Facilitator took Eve Evaluator off every vendor / Data'],
  ['member:invite', entry('invite', 'member', EVE, undefined, { email: 'eve@x.test', groupId: 30, role: 'stakeholder' }), 'Fiona Facilitator invited Eve Evaluator (eve@x.test) as stakeholder'],
  ['invite:revoke', entry('revoke', 'invite', 7, { userId: EVE }, { revoked: true }), 'Fiona Facilitator revoked the voting link of Eve Evaluator'],
  ['declaration:declare', entry('declare', 'declaration', EVE, undefined, { conflict: true, description: 'Worked at Zendesk' }, EVE), "Eve Evaluator declared a conflict of interest: 'Worked at Zendesk'"],
  ['submission:submit', entry('submit', 'submission', EVE, undefined, { scores: 112 }, EVE), 'Eve Evaluator submitted their scores (112 in all)'],
  ['report-link:create', entry('create', 'report-link', 3, undefined, { expiresAt: '2026-12-19T10:00:00.000Z' }), 'Fiona Facilitator made read-only link 3 to the board report, valid until 2026-12-19'],
  ['report-link:revoke', entry('revoke', 'report-link', 3, { expiresAt: '2026-12-19T10:00:00.000Z' }, undefined), 'Fiona Facilitator revoked read-only link 3 to the board report'],
  ['report-link:view', entry('view', 'report-link', 3, undefined, { uses: 2, format: 'pdf' }, null), 'Someone with read-only link 3 opened the board report as a PDF (opening 2)'],
  ['evaluation:create', entry('create', 'evaluation', 5, undefined, { name: 'CXM 2026' }), "Fiona Facilitator created the evaluation 'CXM 2026'"],
  ['evaluation:status', entry('status', 'evaluation', 5, { status: 'voting' }, { status: 'scoring', weightSetVersion: 3, votes: 4 }), 'Fiona Facilitator moved the evaluation voting → scoring (weights frozen as version 3)'],
  ['evaluation:status', entry('status', 'evaluation', 5, { status: 'scoring' }, { status: 'review', force: true }), 'Fiona Facilitator moved the evaluation scoring → review, forced'],
  ['evaluation:reopen-voting', entry('reopen-voting', 'evaluation', 5, { status: 'scoring' }, { status: 'voting' }), 'Fiona Facilitator reopened voting: scoring → voting'],
  ['two-envelopes:set', entry('set', 'two-envelopes', 5, { hidePrices: false }, { hidePrices: true }), 'Fiona Facilitator sealed the price envelope: prices hidden from evaluators until they submit'],
  ['cost-formula:set', entry('set', 'cost-formula', 5, { formula: 'lowest-over-price' }, { formula: 'linear', reason: 'Finance asked' }), "Fiona Facilitator changed how prices are scored: lowest price ÷ price → linear between the lowest and the highest price, because 'Finance asked'"],
  ['disagreement-threshold:set', entry('set', 'disagreement-threshold', 5, { threshold: 1.5 }, { threshold: 2 }), 'Fiona Facilitator set the disagreement threshold: 1.5 → 2'],
  ['feedback:create', entry('create', 'feedback', `10:${EVE}`, undefined, { nps: 9, csat: 4, ces: null, comment: '' }, EVE), 'Eve Evaluator gave demo feedback on Medallia: nps 9; csat 4'],
  ['feedback:update', entry('update', 'feedback', `10:${EVE}`, { nps: 9, csat: 4 }, { nps: 7, csat: 4 }, EVE), 'Eve Evaluator changed their demo feedback on Medallia: nps 9 → 7'],
  ['user:signup', entry('signup', 'user', FIONA, undefined, { email: 'f@x.test', name: 'Fiona Facilitator', team: 'Procurement' }), "Fiona Facilitator signed up with team 'Procurement'"],
];

describe('describers', () => {
  test.each(cases)('%s', (_key, facts, sentence) => {
    expect(describeAudit(facts, book).summary).toBe(sentence);
  });

  test('every describer has a case above', () => {
    expect(Object.keys(describers).filter((k) => !cases.some(([key]) => key === k))).toEqual([]);
  });

  test('names: the objects as read, the member only when not the actor', () => {
    expect(describeAudit(cases[0]![1], book).names).toEqual({ actor: 'Eve Evaluator', vendor: 'Medallia', criterion: 'Cross-channel journey orchestration' });
    expect(describeAudit(entry('exclude', 'member', EVE, undefined, { vendorId: 10 }), book).names).toEqual({ actor: 'Fiona Facilitator', member: 'Eve Evaluator', vendor: 'Medallia' });
    expect(describeAudit(entry('declare', 'declaration', EVE, undefined, { conflict: false }, EVE), book).names).toEqual({ actor: 'Eve Evaluator' });
    expect(describeAudit(entry('set', 'weights', 3, {}, {}), book).names.weightSet).toBe('Board weights (version 3)');
  });

  test('a deleted object keeps the name its snapshot had; unknown ids do not break the sentence', () => {
    expect(describeAudit(entry('delete', 'vendor', 99, { name: 'Gone Ltd' }, undefined), book).names.vendor).toBe('Gone Ltd');
    expect(describeAudit(entry('score', 'score', '98:97', null, { value: 1 }, 55), book).summary).toBe('someone scored vendor 98 on criterion 97: – → 1');
    expect(describeAudit(entry('status', 'evaluation', 5, null, null, null), book).summary).toBe('The system moved the evaluation – → –');
  });

  test('a batch lists five cells, then how many more', () => {
    const cells = Array.from({ length: 12 }, (_, i) => [10, 22, i % 5]);
    const s = describeAudit(entry('score-batch', 'score', 'batch:12', undefined, cells, EVE), book).summary;
    expect(s.startsWith('Eve Evaluator saved 12 scores: Medallia / Data: – → 0; ')).toBe(true);
    expect(s.endsWith('; and 7 more')).toBe(true);
    // The names columns say the listed cells are not all of them.
    expect(describeAudit(entry('score-batch', 'score', 'batch:12', undefined, cells, EVE), book).names).toMatchObject({ vendor: 'Medallia and more', criterion: 'Data and more' });
    expect(describeAudit(cases[1]![1], book).names).toMatchObject({ vendor: 'Medallia, Zendesk', criterion: 'Data' });
  });
});

describe('the fallback for actions without a describer', () => {
  test.each([
    [entry('decide', 'decision', 5, undefined, { vendorIds: [10, 11], reason: 'Best fit' }), "Fiona Facilitator: decision recorded — Medallia, Zendesk; reason 'Best fit'"],
    [entry('approve', 'approval', EVE, undefined, { verdict: 'object', comment: 'Too costly' }, EVE), "Eve Evaluator: approval recorded — verdict 'object'; comment 'Too costly'"],
    [entry('withdraw', 'vendor', 11, { withdrawn: null }, { withdrawn: 'Left the market' }), "Fiona Facilitator: vendor withdrawn — Zendesk; withdrawn – → 'Left the market'"],
    [entry('force-status', 'evaluation', 5, { status: 'scoring' }, { status: 'review', force: true }), "Fiona Facilitator: evaluation status forced — status 'scoring' → 'review'; force – → yes"],
    [entry('approve', 'approval', EVE, undefined, { userId: EVE, verdict: 'approve' }), "Fiona Facilitator: approval recorded — for Eve Evaluator; verdict 'approve'"],
  ])('%#: %s', (facts, sentence) => {
    expect(describeAudit(facts, book).summary).toBe(sentence);
  });

  test('verbs in the past tense', () => {
    expect(['create', 'withdraw', 'submit', 'close-scoring', 'copy', 'open'].map((a) => happened(a, 'thing'))).toEqual(['thing created', 'thing withdrawn', 'thing submitted', 'thing scoring closed', 'thing copied', 'thing opened']);
  });
});

describe('which names an entry needs', () => {
  test('the actor, the subject, a weights map’s criteria, a criterion’s parent', () => {
    const refs = (f: AuditFacts) => Object.fromEntries(Object.entries(refsOf(f, emptyRefs())).map(([k, v]) => [k, [...v].sort()]));
    expect(refs(cases[0]![1])).toEqual({ users: [EVE], vendors: [10], criteria: [21], groups: [], weightSets: [] });
    expect(refs(entry('set', 'weights', 3, { 20: 0.5 }, { 22: 0.5 }))).toEqual({ users: [FIONA], vendors: [], criteria: [20, 22], groups: [], weightSets: [3] });
    expect(refs(entry('create', 'criterion', 21, undefined, { name: 'x', parentId: 20 }))).toMatchObject({ criteria: [20, 21] });
    expect(refs(entry('invite', 'member', EVE, undefined, { groupId: 30 }))).toMatchObject({ users: [FIONA, EVE], groups: [30] });
  });
});
