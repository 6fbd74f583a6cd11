import type { Describer } from '../context.js';
import { memberDescribers } from './members.js';
import { processDescribers } from './process.js';
import { scoreDescribers } from './scores.js';
import { structureDescribers } from './structure.js';
import { weightDescribers } from './weights.js';
import { reportLinkDescribers } from './report-links.js';

export type { Describer } from '../context.js';

/**
 * Every describer by `entity:action` (or `action` alone for any entity). Adding one for a new
 * action is one line in the topic file it belongs to; an action without one reads through the
 * fallback sentence meanwhile.
 */
export const describers: Readonly<Record<string, Describer>> = {
  ...scoreDescribers,
  ...weightDescribers,
  ...structureDescribers,
  ...memberDescribers,
  ...processDescribers,
  ...reportLinkDescribers,
};
