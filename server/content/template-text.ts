import type { TemplateCriterion } from './templates.js';
import { DEFAULT_GROUPS } from './groups.js';
import { m } from '../../views/messages/index.js';
import { templateKey } from '../../views/messages/template.js';

/**
 * A template in the current language (issue 16): the evaluation is created with the criteria named
 * and described as its creator reads them. A criterion the catalogue does not know stays as written.
 */
export function templateIn(criteria: readonly TemplateCriterion[]): TemplateCriterion[] {
  return criteria.map((c) => {
    const text = m.template.cxmCore[templateKey(c.name)];
    const children = templateIn(c.children);
    return text ? { ...c, name: text.name, description: text.description, rubric: text.rubric, children } : { ...c, children };
  });
}

/** The default stakeholder groups in the current language; once created they are the team's data. */
export function defaultGroupsIn(): string[] {
  return DEFAULT_GROUPS.map((g) => m.template.groups[templateKey(g)] ?? g);
}
