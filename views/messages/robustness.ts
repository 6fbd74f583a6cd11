import { percent } from '../format.js';

export const robustness = {
  title: 'How robust is this ranking?',
  loading: 'Working out how robust the ranking is…',
  show: 'Show how robust this ranking is',
  stabilityIntro: (leader: string) => `${leader} stays first as long as each criterion's weight stays in the range below (the other weights scaled in proportion).`,
  criterion: 'Criterion',
  now: 'Weight now',
  range: 'Leader stays first between',
  anyWeight: 'any weight',
  acceptTitle: (votes: number) => (votes > 0 ? 'Chance of winning under the stakeholders’ own weights' : 'Chance of winning under random weights'),
  acceptIntro: (samples: number, votes: number) => votes > 0
    ? `${samples.toLocaleString('en')} weightings drawn as random mixes of the ${votes} stakeholder vote${votes === 1 ? '' : 's'}; the share in which each vendor comes first or in the top three.`
    : `No stakeholder votes yet, so ${samples.toLocaleString('en')} weightings are drawn uniformly at random; the share in which each vendor comes first or in the top three.`,
  vendor: 'Vendor',
  first: 'Ranked first',
  top3: 'In the top three',
  none: 'Nothing to analyse until vendors have scores.',
  /** Says what the acceptability table says: the leader's share of first places, in words and figures. */
  verdict: (p: number, leader: string, samples: number) => {
    const n = samples.toLocaleString('en');
    if (p >= 1) return `${leader} comes first under every one of the ${n} weightings sampled.`;
    // Never "100%" for a share short of all of them: that is the untruth issue 12 names.
    const share = `${leader} comes first in ${p > 0.995 ? 'more than 99%' : percent(p)} of the ${n} weightings sampled`;
    return p >= 0.9 ? `${share}.` : p >= 0.6 ? `${share}, but not all: check the ranges below.` : `${share}: the choice depends on the weights, and small changes in priorities would pick another vendor.`;
  },
} as const;
