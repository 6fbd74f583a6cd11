import { icu } from './icu.js';

/** Text of the demo-feedback page: the per-vendor summary, what each metric means, and the answer forms. */
export const feedback = {
  title: 'Demo feedback',
  intro: 'After each vendor demo, everyone on the panel says how it went in three quick answers. The table sums them up per vendor.',
  // What the figures mean, one plain sentence each.
  explainTitle: 'What the figures mean',
  explainNps: 'NPS — “Would you recommend this vendor to a colleague?” from 0 to 10. The share answering 9 or 10 minus the share answering 0 to 6, so it runs from −100 to 100; 7 and 8 count as neutral.',
  explainCsat: 'CSAT — “How satisfied were you with the demo?” from 1 to 5. The percentage of people answering 4 or 5.',
  explainCes: 'CES — “How easy did the vendor make it to get what you needed?” from 1 (hard) to 10 (easy). The average answer; higher means less effort.',
  // Empty states
  noVendors: 'No vendors on the longlist yet, so there is nothing to give feedback on. Vendors appear here once the facilitator adds them.',
  noAnswers: 'No feedback yet. The figures appear once someone on the panel has answered about a vendor.',
  noAnswersCanGive: 'No feedback yet. Answer for a vendor below after its demo; the figures appear here as soon as anyone has answered.',
  // The summary table
  summaryTitle: 'Summary',
  columns: { vendor: 'Vendor', responses: 'Responses', nps: 'NPS', csat: 'CSAT', ces: 'CES' },
  none: '—',
  noneLabel: 'No answers',
  answeredBy: icu('{n, number} of {of, plural, one {# vendor} other {# vendors}} have feedback.', (n: number, of: number) => ({ n, of })),
  // Who may answer
  readOnly: 'Observers read the feedback here; facilitators, evaluators and stakeholders give it.',
  // Your own answers
  yoursTitle: 'Your feedback',
  yoursIntro: 'One answer per vendor. Saving again replaces your earlier answer; only NPS is required.',
  yourAnswer: icu(
    'Your answer: NPS {nps}{hasCsat, select, yes {, CSAT {csat}} other {}}{hasCes, select, yes {, CES {ces}} other {}}',
    (nps: number, csat: number | null, ces: number | null) => ({ nps, hasCsat: csat === null ? 'no' : 'yes', csat: csat ?? 0, hasCes: ces === null ? 'no' : 'yes', ces: ces ?? 0 }),
  ),
  notAnswered: 'Not answered yet',
  npsLabel: 'Recommend (NPS, 0–10)',
  csatLabel: 'Satisfied (CSAT, 1–5)',
  cesLabel: 'Easy (CES, 1–10)',
  choose: 'Choose…',
  skip: 'No answer',
  scaleHint: 'Higher is better on all three: 10 = would certainly recommend, 5 = very satisfied, 10 = very easy. Leave CSAT or CES blank if you have no view.',
  commentLabel: 'Comment (optional)',
  saveButton: 'Save feedback',
  saveLabel: icu('Save feedback on {vendor}', (vendor: string) => ({ vendor })),
  errorFor: icu('Your feedback on {vendor} was not saved. Please correct the fields marked below.', (vendor: string) => ({ vendor })),
} as const;
