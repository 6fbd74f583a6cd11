import { icu } from './icu.js';

/**
 * What the zod schemas (server/schemas) say about a bad field, in API answers and on page forms.
 * Schemas read them as `error: () => m.validation.x`, so zod makes the text at parse time, inside
 * the request, in its language (issue 16). Where a schema names no message, zod's own bundled
 * locale answers (server/i18n/zod-locale.ts). Field and value names written in code style
 * (`vendorIds`, `true`, `cxm-core`) are the API's words and stay as they are in every language.
 */
export const validation = {
  required: 'Required.',
  invalidId: 'Not a valid id.',
  atMostChars: icu('At most {max} characters.', (max: number) => ({ max })),
  atLeast: icu('At least {min}.', (min: number) => ({ min })),
  atMost: icu('At most {max}.', (max: number) => ({ max })),
  wholeNumberFromTo: icu('A whole number from {min} to {max}.', (min: number, max: number) => ({ min, max })),
  number: 'A number.',
  email: 'Enter a valid email address.',
  // Passwords
  passwordTooShort: icu('Too short: {length, plural, one {# character} other {# characters}}; the password needs at least 10.', (length: number) => ({ length })),
  passwordTooLong: 'Too long: the password can have at most 200 characters.',
  passwordBlank: 'A password of only spaces is not accepted; use letters, digits or symbols.',
  // Evaluations, criteria and weights
  scaleRange: 'A number from -1000 to 1000.',
  scaleOrder: 'The scale maximum must be above its minimum.',
  template: 'Choose "cxm-core" or "blank".',
  kind: 'Kind is one of scored, must-have, cost.',
  weightRange: 'A weight is a number from 0 to 100.',
  criterionKeys: 'Keys are criterion ids.',
  reasonText: 'The reason is text.',
  costFormula: 'One of lowest-over-price, linear, relative-to-average.',
  // Vendors and screening
  website: 'Start the address with http:// or https://',
  priceNegative: 'A price cannot be negative.',
  withdrawReason: 'Say why the vendor is withdrawn.',
  screenReason: 'Say why, so the panel can see it beside each vendor.',
  // Panel
  role: 'Role is one of facilitator, evaluator, stakeholder, observer.',
  approverFlag: 'approver is true or false.',
  describeConflict: 'Describe the conflict.',
  conflictFlag: 'conflict is true (with a description) or false.',
  exclusionReason: 'Give the reason: the conflict that keeps this evaluator off the vendor.',
  // Scores and consensus
  scoreValue: 'A number, or null for N/A.',
  abstainReason: 'Give the reason for abstaining.',
  abstainNoValue: 'An abstention has no value: send value null.',
  batchEmpty: 'Send at least one score.',
  batchTooLarge: 'At most 10,000 scores per batch.',
  consensusValue: 'A number, or null to remove the consensus.',
  rationaleRequired: 'A rationale is required.',
  // Voting
  voteCriterionIds: 'Criterion ids are strings of digits.',
  votePoints: 'A number of points.',
  voteRating: 'A rating from 1 to 5.',
  voteMatrix: 'Matrix entries are numbers.',
  voteMethod: 'method is one of points, rating, rank, ahp.',
  votingMethods: 'Allow at least one method.',
  votingMethodsForm: 'Allow at least one voting method.',
  groupWeightNegative: 'A group weight cannot be negative.',
  groupWeightsRange: 'Group weights are numbers from 0 to 1000.',
  status: 'status is one of draft, voting, scoring, review, decided.',
  forceFlag: 'force is true or false.',
  deadline: 'Enter an ISO-8601 date and time with its zone, e.g. 2026-12-07T14:00:00Z.',
  // Decisions and approvals
  vendorIdsList: 'vendorIds is a list of vendor ids.',
  chooseVendor: 'Choose at least one vendor.',
  tooManyVendors: icu('At most {max} vendors.', (max: number) => ({ max })),
  vendorTwice: 'A vendor is named twice.',
  decisionReason: 'Give the reason for the decision (at least 3 characters).',
  acknowledgeFlag: 'acknowledgeProvisional is true or false.',
  verdict: 'Choose approve or object.',
  objectionComment: 'An objection needs a comment saying why.',
  // Report links
  expiresInDays: 'expiresInDays is a whole number of days.',
  daysNumber: 'Give a number of days.',
  daysWhole: 'Give a whole number of days.',
  atLeastOneDay: 'At least 1 day.',
  atMostDays: icu('At most {max} days.', (max: number) => ({ max })),
  // What-if weights
  share: 'A share is a number.',
  shareNegative: 'A share is ≥ 0.',
  shareTooLarge: 'At most 1e9.',
  tooManyCriteria: icu('At most {max} criteria.', (max: number) => ({ max })),
  whatIfEmpty: 'The what-if weights are empty.',
  whatIfPairs: 'Give `id:share` pairs, e.g. 12:40,13:60.',
  whatIfAllZero: 'At least one share must be above 0.',
  whatIfUnknown: 'Not a top-level criterion you can see in this evaluation.',
  whatIfUnusable: 'The what-if weights could not be used.',
  // Query and token checks that used to be written in the schemas (issue 16)
  notResetToken: 'Not a reset token.',
  notCursor: 'Not a valid cursor.',
  auditBound: 'A date (YYYY-MM-DD) or an ISO-8601 timestamp with a zone.',
  samplesAtLeast: icu('At least {min, number} samples.', (min: number) => ({ min })),
  samplesAtMost: icu('At most {max, number} samples.', (max: number) => ({ max })),
  hidePricesFlag: 'hidePrices is true or false.',
  rankingMethod: 'One of weighted-sum, topsis, value-for-money.',
  unknownStatus: 'Unknown status.',
  groupNameForm: 'Give the group a name of up to 80 characters.',
  chooseGroup: 'Choose a group from the list.',
} as const;
