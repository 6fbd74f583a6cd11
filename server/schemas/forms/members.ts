import { z } from 'zod';
import { FormId, FormText, FormTick } from './fields.js';
import { EXCLUSION_REASON_REQUIRED } from '../panel.js';

/**
 * The vendor a panel form names: `vendorId` from the list, or `vendorName` when the evaluation has
 * too many vendors to list (the route looks the name up). Ids that are not ids read as "none": the
 * service answers for what is missing, as the API does.
 */
const VendorChoice = { vendorId: FormId, vendorName: FormText(Infinity) };

/** The panel's exclusion form: an evaluator kept off one vendor, with a reason (required) cut at 1000 characters. */
export const ExclusionFormSchema = z.object({ userId: FormId, ...VendorChoice, reason: FormText(1000).pipe(z.string().min(1, { error: EXCLUSION_REASON_REQUIRED })) });

/** The panel's assignment form: an evaluator asked to score a vendor and/or a criterion (blank is "any"). */
export const AssignmentFormSchema = z.object({ userId: FormId, ...VendorChoice, criterionId: FormId });

/** The panel's approver button: `approver=1` flags the member, anything else takes the flag off. */
export const ApproverFormSchema = z.object({ approver: FormTick });
