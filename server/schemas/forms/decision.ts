import { z } from 'zod';
import { m } from '../../../views/messages/index.js';
import { parseId } from '../../ids.js';
import { MAX_DECISION_VENDORS } from '../decisions.js';
import { FormText, prefixed } from './fields.js';

/**
 * The decide form: a ticked `vendor-<id>` box per chosen vendor, the reason, the acknowledgement of
 * provisional vendors, and the confirmation that the evaluation will lock (the page asks for it;
 * the API call is explicit by itself).
 */
export const DecideFormSchema = z.object({
  vendorIds: z.array(z.number()).min(1, { error: () => m.decision.chooseVendor }).max(MAX_DECISION_VENDORS, { error: () => m.decision.tooManyVendors(MAX_DECISION_VENDORS) }),
  reason: FormText(4000).pipe(z.string().min(3, { error: () => m.decision.reasonRequired })),
  acknowledgeProvisional: z.boolean(),
  confirm: z.literal(true, { error: () => m.decision.confirmRequired }),
});

/** The decide form's fields as DecideFormSchema reads them; ids that are not ids are left out. */
export const decideFormInput = (f: Record<string, string>) => ({
  vendorIds: Object.entries(prefixed(f, 'vendor-')).filter(([, v]) => v === '1').map(([k]) => parseId(k)).filter((id): id is number => id !== null),
  reason: f.reason,
  acknowledgeProvisional: f.acknowledgeProvisional === '1',
  confirm: f.confirm === '1',
});
