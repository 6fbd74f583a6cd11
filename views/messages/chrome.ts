import { icu } from './icu.js';

/** Words a screen reader hears or a table header shows that no page area owns (issue 16): landmarks, pagers, short labels. */
export const chrome = {
  accountNav: 'Account',
  evaluationNav: 'Evaluation',
  vendorPages: 'Vendor pages',
  disagreementPages: 'Disagreement pages',
  votingMethod: 'Voting method',
  totalColumn: 'Total',
  joinLinkFor: icu('Join link for {email}', (email: string) => ({ email })),
} as const;
