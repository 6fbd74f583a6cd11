import { z } from 'zod';
import { m } from '../../../views/messages/index.js';
import { FormDecimal, FormText } from './fields.js';

/** The cell a consensus form names, `vendorId:criterionId`; whatever is not a number stays NaN for the service's 404. */
const Cell = z.string().optional().transform((s) => {
  const [vendorId, criterionId] = (s ?? '').split(':').map(Number);
  return { vendorId: vendorId ?? 0, criterionId: criterionId ?? 0 };
});

/**
 * The review page's consensus form on a `min`–`max` scale: a blank value removes the consensus
 * (null), anything else must be a number (the service checks the range); the rationale is at least
 * three characters, cut at 4000.
 */
export const consensusFormSchema = (scale: { min: number; max: number }) =>
  z.object({
    cell: Cell,
    value: z.string().optional().transform((s, ctx) => {
      const raw = (s ?? '').trim();
      if (raw === '') return null;
      const n = FormDecimal.parse(raw);
      if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: m.review.badValue(scale.min, scale.max) });
      return n;
    }),
    rationale: FormText(Infinity).pipe(z.string().min(3, { error: m.review.rationaleRequired }).transform((s) => s.slice(0, 4000))),
  });

/** The disagreement threshold as a percentage from 1 to 100; parses to the share (0.01–1). */
export const ThresholdFormSchema = z.object({
  threshold: FormDecimal.refine((n) => Number.isFinite(n) && n >= 1 && n <= 100, { error: () => m.review.thresholdInvalid }).transform((n) => n / 100),
});
