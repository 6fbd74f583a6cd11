import { icu } from './icu.js';

/**
 * Column headings and row labels of the CSV exports (issue 16: headings in the reader's language).
 * The JSON export keeps its English keys: it is an API.
 */
export const exportsText = {
  shortlist: { rank: 'rank', vendor: 'vendor', total: 'total', coverage: 'coverage', status: 'status', reason: 'reason' },
  /** The status column's words in the CSV and XLSX (the JSON keeps its codes: `ranked`, `provisional`…). */
  statuses: { ranked: 'ranked', provisional: 'provisional', excluded: 'excluded', notScored: 'not yet scored', withdrawn: 'withdrawn' },
  decisionRows: { decision: 'decision', vendors: 'vendors', reason: 'reason', decidedBy: 'decided by', acknowledged: 'acknowledged provisional', approval: 'approval', pending: 'pending' },
  audit: { at: 'at', actor: 'actor', action: 'action', vendor: 'vendor', criterion: 'criterion', member: 'member', weightSet: 'weight set', before: 'before', after: 'after', summary: 'summary', entity: 'entity', entityId: 'entity id' },
  /**
   * The shortlist workbook (XLSX): sheet names (Excel: at most 31 characters, none of []:*?/\ ;
   * the formulas name them, quoted when needed) and its headings and notes.
   */
  workbook: {
    sheets: { shortlist: 'Shortlist', scores: 'Scores', weights: 'Weights', working: 'Working', votes: 'Votes', audit: 'Audit' },
    rankKey: 'rank key (total rounded to 9 places)',
    scaleMin: 'Scale min',
    scaleMax: 'Scale max',
    lowestPrice: 'Lowest price among the ranked vendors',
    highestPrice: 'Highest price',
    averagePrice: 'Average price',
    costFormula: 'Cost formula',
    changeAWeight: 'Change a weight below and the Shortlist re-ranks: weights are taken in proportion to their sum.',
    topCriterion: 'Top-level criterion',
    weight: 'Weight',
    leafCriterion: 'Leaf criterion',
    kind: 'Kind',
    kinds: { scored: 'scored', cost: 'cost' },
    topNumber: 'Top-level #',
    share: 'Share within its top-level criterion',
    leafWeight: 'Leaf weight',
    vendorId: 'Vendor id',
    vendor: 'Vendor',
    consensusOn: 'Consensus on',
    valueUsed: 'Value used: the consensus if set, else the evaluators’ mean (N/A left out); empty when nobody scored it',
    price: 'price',
    scoreRange: icu('score {min, number}–{max, number}', (min: number, max: number) => ({ min, max })),
    normalised: icu('{path} (normalised 0–1)', (path: string) => ({ path })),
    coverage: 'Coverage',
    noVotes: 'No vote weights are shown to you.',
    aggregation: 'Aggregation',
    votesCounted: 'Votes counted',
    fromVotes: 'Weight from the votes',
    groupColumn: icu('{name} (group weight {weight, number}, {votes, plural, one {# vote} other {# votes}})', (name: string, weight: number, votes: number) => ({ name, weight, votes })),
    auditClosed: 'The audit log is open to facilitators and observers.',
    system: 'system',
  },
} as const;
