import { describe, test, expect } from 'vitest';
import { CATALOGUE, CATEGORIES } from '../../server/content/catalogue.js';
import { BLANK, CXM_CORE, TEMPLATES, type TemplateCriterion } from '../../server/content/templates.js';

/** Flattens a criteria tree so per-criterion rules apply at every depth. */
function walk(criteria: readonly TemplateCriterion[]): TemplateCriterion[] {
  return criteria.flatMap((c) => [c, ...walk(c.children)]);
}

const REQUIRED_VENDORS = [
  'Adobe Experience Manager',
  'Salesforce Service Cloud',
  'Zendesk',
  'HubSpot',
  'IBM Tealeaf',
  'Medallia',
  'Clarabridge',
  'ResponseTek',
  'SAS Adaptive Customer Experience',
  'GetFeedback',
  'Infobip',
  'Braze',
  'RevJet',
  'Cemantica',
  'SAP Customer Experience',
  'Thunderhead',
  'Microsoft Dynamics 365',
];

describe('CXM core template', () => {
  test('has the five top-level areas in order', () => {
    expect(CXM_CORE.map((c) => c.name)).toEqual([
      'Omnichannel',
      'Real-time data',
      'Integration',
      'Analytics',
      'Privacy & trust',
    ]);
  });

  test('each area has two to four scored leaf sub-criteria', () => {
    for (const area of CXM_CORE) {
      expect(area.children.length, area.name).toBeGreaterThanOrEqual(2);
      expect(area.children.length, area.name).toBeLessThanOrEqual(4);
      for (const sub of area.children) {
        expect(sub.kind, sub.name).toBe('scored');
        expect(sub.children, sub.name).toHaveLength(0);
      }
    }
  });

  test('every criterion has a description and six non-empty one-line rubric anchors', () => {
    for (const c of walk(CXM_CORE)) {
      expect(c.description.trim(), c.name).not.toBe('');
      expect(c.rubric, c.name).toHaveLength(6);
      for (const anchor of c.rubric) {
        expect(anchor.trim(), c.name).not.toBe('');
        expect(anchor, c.name).not.toMatch(/[\r\n]/);
      }
    }
  });

  test('criterion names are unique across the whole template', () => {
    const names = walk(CXM_CORE).map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test('template registry exposes cxm-core and an empty blank template', () => {
    expect(TEMPLATES['cxm-core']).toBe(CXM_CORE);
    expect(TEMPLATES.blank).toBe(BLANK);
    expect(BLANK).toHaveLength(0);
  });
});

describe('vendor catalogue', () => {
  test('contains every platform named in the source material', () => {
    const names = new Set(CATALOGUE.map((v) => v.name));
    for (const required of REQUIRED_VENDORS) {
      expect(names.has(required), required).toBe(true);
    }
  });

  test('vendor names are unique ignoring case', () => {
    const lowered = CATALOGUE.map((v) => v.name.trim().toLowerCase());
    expect(new Set(lowered).size).toBe(lowered.length);
  });

  test('every vendor has a known category, an https website and a short description', () => {
    const categories: readonly string[] = CATEGORIES;
    for (const v of CATALOGUE) {
      expect(categories, v.name).toContain(v.category);
      expect(new URL(v.website).protocol, v.name).toBe('https:');
      expect(v.description.trim(), v.name).not.toBe('');
      expect(v.description.length, v.name).toBeLessThanOrEqual(200);
    }
  });
});

describe('demo seed (issue 12: a newcomer first sees every feature with data in it)', async () => {
  const { openSqlite } = await import('../../db/client.js');
  const { migrateToLatest } = await import('../../db/migrate.js');
  const demo = await import('../../seeds/demo.js');
  const { DECIDED_DEMO_NAME } = await import('../../seeds/demo-decided.js');
  const { findUserByEmail } = await import('../../db/queries/users.js');
  const { evaluationsForUser, evaluationForMember } = await import('../../db/queries/evaluations.js');
  const { votesWithGroups } = await import('../../db/queries/votes.js');
  const { feedbackBy } = await import('../../db/queries/feedback.js');
  const { votersOf } = await import('../../db/queries/members.js');
  const { consensusCellKeys, mustHaveCells } = await import('../../db/queries/score-cells.js');
  const { exclusionsOf, declarationsOf } = await import('../../db/queries/panel.js');
  const { decisionOf, approvalsOf, approversOf } = await import('../../db/queries/decisions.js');
  const { criteriaOf } = await import('../../db/queries/criteria.js');
  const { vendorsOf } = await import('../../db/queries/vendors.js');

  const db = openSqlite(':memory:');
  await migrateToLatest(db);
  await demo.seedDemo(db);
  const dana = (await findUserByEmail(db, demo.DEMO_LOGIN.email))!;
  const list = await evaluationsForUser(db, dana.id);
  const main = list.find((e) => e.name === demo.DEMO_NAME)!;
  const decided = list.find((e) => e.name === DECIDED_DEMO_NAME)!;
  const mainEval = (await evaluationForMember(db, main.id, dana.id))!.evaluation;

  test('the main demo is first in the list, in review, with prices sealed in a second envelope', () => {
    expect(list[0]!.id).toBe(main.id);
    expect(mainEval.status).toBe('review');
    expect(mainEval.hide_prices).toBe(1);
  });

  test('the sealed envelope holds prices', async () => {
    expect((await vendorsOf(db, main.id)).filter((v) => v.price !== null).length).toBeGreaterThanOrEqual(3);
  });

  test('votes by all four methods, from at least three stakeholder groups', async () => {
    const votes = await votesWithGroups(db, main.id);
    expect(new Set(votes.map((v) => v.method))).toEqual(new Set(['points', 'rating', 'rank', 'ahp']));
    expect(new Set(votes.map((v) => v.group_id).filter((g) => g !== null)).size).toBeGreaterThanOrEqual(3);
  });

  test('demo feedback from several people', async () => {
    const voters = await votersOf(db, main.id);
    const people = ['eli@cxbench.test', ...voters.map((v) => v.email)];
    let givers = 0;
    for (const email of new Set(people)) {
      const user = await findUserByEmail(db, email);
      if (user && (await feedbackBy(db, main.id, user.id)).length > 0) givers++;
    }
    expect(givers).toBeGreaterThanOrEqual(3);
  });

  test('a consensus with a rationale', async () => {
    expect((await consensusCellKeys(db, main.id)).size).toBeGreaterThanOrEqual(1);
  });

  test('an exclusion for a declared conflict, with its reason', async () => {
    const kim = (await findUserByEmail(db, demo.DEMO_CONFLICT.email))!;
    const exclusions = await exclusionsOf(db, main.id);
    expect(exclusions).toEqual([expect.objectContaining({ user_id: kim.id, vendor_name: demo.DEMO_CONFLICT.vendor })]);
    expect(exclusions[0]!.reason.trim()).not.toBe('');
    expect((await declarationsOf(db, main.id)).find((d) => d.user_id === kim.id)?.conflict).toBe(1);
  });

  test('a must-have criterion exactly one vendor fails', async () => {
    const criterion = (await criteriaOf(db, main.id)).find((c) => c.name === demo.DEMO_MUST_HAVE)!;
    expect(criterion.kind).toBe('must-have');
    const vendorNames = new Map((await vendorsOf(db, main.id)).map((v) => [v.id, v.name]));
    const failing = (await mustHaveCells(db, main.id)).filter((c) => c.fail > 0).map((c) => vendorNames.get(c.vendor_id));
    expect(failing).toEqual([demo.DEMO_MUST_HAVE_FAILS]);
  });

  test('a second evaluation decided with a reason and approved by an observer flagged approver', async () => {
    expect(decided.status).toBe('decided');
    expect((await decisionOf(db, decided.id))!.reason.trim().length).toBeGreaterThan(10);
    const approvers = await approversOf(db, decided.id);
    expect(approvers.map((a) => a.role)).toEqual(['observer']);
    const approvals = await approvalsOf(db, decided.id);
    expect(approvals).toEqual([expect.objectContaining({ user_id: approvers[0]!.id, verdict: 'approve' })]);
  });

  test('a third evaluation caught mid-scoring: a deadline, one submission, the facilitator part-way', async () => {
    const { SCORING_DEMO_NAME } = await import('../../seeds/demo-scoring.js');
    const { panelProgress } = await import('../../server/read-models/panel-progress.js');
    const scoring = list.find((e) => e.name === SCORING_DEMO_NAME)!;
    expect(scoring.status).toBe('scoring');
    const e = (await evaluationForMember(db, scoring.id, dana.id))!.evaluation;
    expect(Date.parse(e.scoring_deadline!)).toBeGreaterThan(Date.now());
    const rows = await panelProgress(db, scoring.id);
    const eli = (await findUserByEmail(db, 'eli@cxbench.test'))!;
    expect(rows.find((r) => r.id === eli.id)!.submittedAt).not.toBeNull();
    const mine = rows.find((r) => r.id === dana.id)!;
    expect(mine.submittedAt).toBeNull();
    expect(mine.scored).toBeGreaterThan(0);
    expect(mine.scored).toBeLessThan(mine.assigned);
  });
});
