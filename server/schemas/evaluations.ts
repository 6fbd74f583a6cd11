import { z } from 'zod';
import { Name } from './common.js';

/** A scale end: any number from −1000 to 1000, and the message says so (a schema-wide `error` would answer "A number." to 1000000 too). */
const SCALE_RANGE = 'A number from -1000 to 1000.';
const ScaleEnd = z.number({ error: SCALE_RANGE }).finite({ error: SCALE_RANGE }).min(-1000, { error: SCALE_RANGE }).max(1000, { error: SCALE_RANGE });

export const ScaleSchema = z
  .object({ min: ScaleEnd, max: ScaleEnd })
  .refine((s) => s.max > s.min, { error: 'The scale maximum must be above its minimum.', path: ['max'] });

export const NewEvaluationSchema = z.object({
  name: Name(120),
  template: z.enum(['cxm-core', 'blank'], { error: 'Choose "cxm-core" or "blank".' }).default('cxm-core'),
  scale: ScaleSchema.default({ min: 0, max: 5 }),
});
