import { icu } from './icu.js';

export const weights = {
  title: 'Weights',
  intro: 'How much each criterion counts towards a vendor’s total. Top-level weights share 100%; each criterion’s sub-criteria share their parent’s weight.',
  topLevel: 'Top-level criteria',
  splitOf: icu('Split of {name}', (name: string) => ({ name })),
  sum: 'Sum',
  sumHint: 'Values are scaled to 100% within each group when you save, so they need not add up exactly.',
  save: 'Save as a new version',
  version: icu('Version {v}', (v: number) => ({ v })),
  inForce: 'in force',
  history: 'Versions',
  sources: { template: 'Template default', direct: 'Set directly', vote: 'Stakeholder vote' },
  noCriteria: 'There are no criteria to weigh yet. Add criteria first; weights follow.',
  mustHaveNote: 'Must-have criteria are pass/fail gates and carry no weight.',
  percentOf: icu('Weight of {name} in percent', (name: string) => ({ name })),
  allZero: 'At least one weight in this group must be above 0.',
  notNumber: 'Enter a percentage from 0 to 100.',
  saved: icu('Saved. Version {v} is now in force and the ranking uses it.', (v: number) => ({ v })),
  readOnly: 'Only the facilitator sets weights directly; stakeholders vote on the Voting tab.',
  viewing: icu('You are looking at version {v} ({source}, {at}), read-only.', (v: number, source: string, at: string) => ({ v, source, at })),
  backToCurrent: 'Back to the weights in force',
} as const;
