import { z } from 'zod';
import { parseDecimal } from '../../forms.js';
import { m } from '../../../views/messages/index.js';

/** One sibling set on the weights page: its key (`top` or the parent's id) and its members' ids. */
export interface WeightGroupIds { key: string | number; members: readonly { id: string | number }[] }

/**
 * The weights page's form for this evaluation's sibling sets: every member's `w.<id>` is a number
 * from 0 to 100 (a percentage: more is refused, not rescaled), and a set whose fields are all fine must not be all zero (`group.<key>`). Parses to
 * the local weights by criterion id. Fields that are not a member's are ignored.
 */
export function weightsFormSchema(groups: readonly WeightGroupIds[]) {
  return z.record(z.string(), z.string()).transform((fields, ctx) => {
    const update: Record<string, number> = {};
    for (const g of groups) {
      let sum = 0;
      let bad = false;
      for (const member of g.members) {
        const n = parseDecimal(fields[`w.${member.id}`]);
        if (!Number.isFinite(n) || n < 0 || n > 100) {
          bad = true;
          ctx.addIssue({ code: 'custom', path: [`w.${member.id}`], message: m.weights.notNumber });
        } else {
          update[member.id] = n;
          sum += n;
        }
      }
      if (sum === 0 && !bad) ctx.addIssue({ code: 'custom', path: [`group.${g.key}`], message: m.weights.allZero });
    }
    return update;
  });
}
