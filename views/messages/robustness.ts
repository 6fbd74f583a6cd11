export const robustness = {
  title: 'How robust is this ranking?',
  loading: 'Working out how robust the ranking is…',
  show: 'Show how robust this ranking is',
  stabilityIntro: (leader: string) => `${leader} stays first as long as each criterion's weight stays in the range below (the other weights scaled in proportion).`,
  criterion: 'Criterion',
  now: 'Weight now',
  range: 'Leader stays first between',
  anyWeight: 'any weight',
  acceptTitle: 'Chance of winning under the stakeholders’ own weights',
  acceptIntro: (samples: number, votes: number) => votes > 0
    ? `${samples.toLocaleString('en')} weightings drawn as random mixes of the ${votes} stakeholder vote${votes === 1 ? '' : 's'}; the share in which each vendor comes first or in the top three.`
    : `No stakeholder votes yet, so ${samples.toLocaleString('en')} weightings are drawn uniformly at random; the share in which each vendor comes first or in the top three.`,
  vendor: 'Vendor',
  first: 'Ranked first',
  top3: 'In the top three',
  none: 'Nothing to analyse until vendors have scores.',
  verdict: (p: number) => (p >= 0.9 ? 'The leader wins under almost every weighting sampled.' : p >= 0.6 ? 'The leader wins under most weightings sampled, but not all: check the ranges above.' : 'The leader depends on the weights: small changes in priorities would pick another vendor.'),
} as const;
