import { z } from 'zod';
import { Name } from './common.js';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

/** A scale end: any number from −1000 to 1000, and the message says so (a schema-wide `error` would answer "A number." to 1000000 too). */
const SCALE_RANGE = { error: () => v.scaleRange };
const ScaleEnd = z.number(SCALE_RANGE).finite(SCALE_RANGE).min(-1000, SCALE_RANGE).max(1000, SCALE_RANGE);

export const ScaleSchema = z
  .object({ min: ScaleEnd, max: ScaleEnd })
  .refine((s) => s.max > s.min, { error: () => v.scaleOrder, path: ['max'] });

export const NewEvaluationSchema = z.object({
  name: Name(120),
  template: z.enum(['cxm-core', 'blank'], { error: () => v.template }).default('cxm-core'),
  scale: ScaleSchema.default({ min: 0, max: 5 }),
});
