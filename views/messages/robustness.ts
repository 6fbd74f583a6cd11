import { percent } from '../format.js';
import { icu } from './icu.js';

export const robustness = {
  title: 'How robust is this ranking?',
  loading: 'Working out how robust the ranking is…',
  show: 'Show how robust this ranking is',
  stabilityIntro: icu('{leader} stays first as long as each criterion’s weight stays in the range below (the other weights scaled in proportion).', (leader: string) => ({ leader })),
  criterion: 'Criterion',
  now: 'Weight now',
  range: 'Leader stays first between',
  anyWeight: 'any weight',
  acceptTitle: icu('{voted, select, yes {Chance of winning under the stakeholders’ own weights} other {Chance of winning under random weights}}', (votes: number) => ({ voted: votes > 0 ? 'yes' : 'no' })),
  acceptIntro: icu(
    '{votes, plural, =0 {No stakeholder votes yet, so {samples, number} weightings are drawn uniformly at random; the share in which each vendor comes first or in the top three.} one {{samples, number} weightings drawn as random mixes of the # stakeholder vote; the share in which each vendor comes first or in the top three.} other {{samples, number} weightings drawn as random mixes of the # stakeholder votes; the share in which each vendor comes first or in the top three.}}',
    (samples: number, votes: number) => ({ samples, votes }),
  ),
  vendor: 'Vendor',
  first: 'Ranked first',
  top3: 'In the top three',
  none: 'Nothing to analyse until vendors have scores.',
  /** Says what the acceptability table says: the leader's share of first places, in words and figures. */
  // Never "100%" for a share short of all of them (`almost`): that is the untruth issue 12 names.
  verdict: icu(
    '{band, select, all {{leader} comes first under every one of the {n, number} weightings sampled.} clear {{leader} comes first in {almost, select, yes {more than {cap}} other {{share}}} of the {n, number} weightings sampled.} mostly {{leader} comes first in {almost, select, yes {more than {cap}} other {{share}}} of the {n, number} weightings sampled, but not all: check the ranges below.} other {{leader} comes first in {almost, select, yes {more than {cap}} other {{share}}} of the {n, number} weightings sampled: the choice depends on the weights, and small changes in priorities would pick another vendor.}}',
    (p: number, leader: string, n: number) => ({ band: p >= 1 ? 'all' : p >= 0.9 ? 'clear' : p >= 0.6 ? 'mostly' : 'open', leader, n, almost: p > 0.995 ? 'yes' : 'no', share: percent(p), cap: percent(0.99) }),
  ),
} as const;
