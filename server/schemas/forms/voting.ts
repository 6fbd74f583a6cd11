import { z } from 'zod';
import { VotingSettingsSchema } from '../votes.js';
import { FormDecimal, prefixed } from './fields.js';
import { m } from '../../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

const { methods, aggregation, ahpMode } = VotingSettingsSchema.shape;

/**
 * The Voting tab's settings: the API's rules, except that the page has always read an unknown
 * aggregation or AHP mode as the default (`mean`, `aip`) rather than refusing it.
 */
export const VotingSettingsFormSchema = VotingSettingsSchema.extend({
  methods: methods.element.array().min(1, { error: () => v.votingMethodsForm }),
  aggregation: aggregation.catch('mean'),
  ahpMode: ahpMode.catch('aip'),
});

/** The settings form's fields (a `method.<name>` box per method, a "1" when ticked) → VotingSettingsFormSchema's input. */
export const votingSettingsInput = (f: Record<string, string>) => ({
  methods: methods.element.options.filter((k) => f[`method.${k}`] === '1'),
  aggregation: f.aggregation,
  ahpMode: f.ahpMode,
  excludeInconsistent: f.excludeInconsistent === '1',
});

/** The groups' weights (`g.<groupId>` fields): each a number from 0 to 1000. */
export const GroupWeightsFormSchema = z.object({
  weights: z.record(z.string(), FormDecimal.refine((n) => Number.isFinite(n) && n >= 0 && n <= 1000, { error: () => v.groupWeightsRange })),
});

export const groupWeightsInput = (f: Record<string, string>) => ({ weights: prefixed(f, 'g.') });
