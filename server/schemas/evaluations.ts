import { z } from 'zod';
import { Name } from './common.js';

export const ScaleSchema = z
  .object({ min: z.number({ error: 'A number.' }).finite().min(-1000).max(1000), max: z.number({ error: 'A number.' }).finite().min(-1000).max(1000) })
  .refine((s) => s.max > s.min, { error: 'The scale maximum must be above its minimum.', path: ['max'] });

export const NewEvaluationSchema = z.object({
  name: Name(120),
  template: z.enum(['cxm-core', 'blank'], { error: 'Choose "cxm-core" or "blank".' }).default('cxm-core'),
  scale: ScaleSchema.default({ min: 0, max: 5 }),
});
