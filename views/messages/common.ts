import { icu } from './icu.js';

/** Words used across pages. All user-facing text lives under views/messages so it can be translated. */
export const common = {
  product: 'cxbench',
  nav: { evaluations: 'Evaluations', signOut: 'Sign out', signIn: 'Sign in', signUp: 'Create account' },
  tabs: { overview: 'Overview', criteria: 'Criteria', vendors: 'Vendors', panel: 'Panel', voting: 'Voting', weights: 'Weights', scoring: 'Scoring', ranking: 'Ranking', review: 'Review', feedback: 'Feedback', audit: 'Audit log' },
  status: { draft: 'Draft', voting: 'Voting', scoring: 'Scoring', review: 'Review', decided: 'Decided' },
  roles: { facilitator: 'Facilitator', evaluator: 'Evaluator', stakeholder: 'Stakeholder', observer: 'Observer' },
  kinds: { scored: 'Scored', 'must-have': 'Must-have', cost: 'Cost' },
  save: 'Save',
  cancel: 'Cancel',
  edit: 'Edit',
  /** The title of every record's edit page. */
  editTitle: icu('Edit “{name}”', (name: string) => ({ name })),
  /** What a list row's Edit button says to a screen reader. */
  editLabel: icu('Edit {name}', (name: string) => ({ name })),
  remove: 'Remove',
  delete: 'Delete',
  formHasErrors: 'Please correct the fields marked below.',
  readOnly: 'Your role lets you read this page but not change it.',
  locked: 'This evaluation is decided and locked: it can be read and exported, but nothing in it can change.',
  error: { title: 'Something is not right', back: 'Back to your evaluations', notFound: 'Not found' },
} as const;
