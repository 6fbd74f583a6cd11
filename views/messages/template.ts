import { CXM_CORE, type TemplateCriterion } from '../../server/content/templates.js';
import { DEFAULT_GROUPS } from '../../server/content/groups.js';

/** A template criterion's key in the catalogues, from its English name: "Privacy & trust" → privacyAndTrust. */
export const templateKey = (name: string): string =>
  name.replace(/&/g, ' and ').split(/[^A-Za-z0-9]+/).filter(Boolean)
    .map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase())).join('');

type CriterionText = { name: string; description: string; rubric: readonly string[] };

function texts(criteria: readonly TemplateCriterion[], into: Record<string, CriterionText> = {}): Record<string, CriterionText> {
  for (const c of criteria) {
    into[templateKey(c.name)] = { name: c.name, description: c.description, rubric: c.rubric };
    texts(c.children, into);
  }
  return into;
}

/**
 * The built-in template's words (issue 16): criterion names, descriptions and rubric levels, so an
 * evaluation created from it starts in its creator's language. The English source is the template
 * itself (server/content/templates.ts); what a team types later stays as typed.
 */
export const template = {
  cxmCore: texts(CXM_CORE),
  /** The default stakeholder groups, keyed like the criteria ("Customer service" → customerService). */
  groups: Object.fromEntries(DEFAULT_GROUPS.map((g) => [templateKey(g), g])) as Record<string, string>,
};
