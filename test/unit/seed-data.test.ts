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
