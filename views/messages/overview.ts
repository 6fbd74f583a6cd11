import { icu } from './icu.js';

export const overview = {
  title: 'Overview',
  scale: icu('Scores from {min} to {max}', (min: number, max: number) => ({ min, max })),
  steps: 'Next steps',
  stepCriteria: icu('{n, plural, =0 {Add the criteria vendors are judged on.} one {# criterion defined — review names, rubrics and kinds.} other {# criteria defined — review names, rubrics and kinds.}}', (n: number) => ({ n })),
  stepVendors: icu('{n, plural, =0 {Add the vendors on your longlist.} one {# vendor on the longlist.} other {# vendors on the longlist.}}', (n: number) => ({ n })),
  stepWeights: icu('{set, select, yes {Weights in force: version {v}.} other {Set how much each criterion matters.}}', (v: number | null) => ({ set: v === null ? 'no' : 'yes', v: v ?? 0 })),
  stepScoring: icu('{total, plural, =0 {Scoring opens once there are vendors and criteria.} one {{done, number} of # cell scored by you.} other {{done, number} of # cells scored by you.}}', (done: number, total: number) => ({ done, total })),
  stepRanking: icu(
    '{leads, select, yes {{own, select, yes {Current leader (your scores only)} other {Current leader}}: {leader}.{counted, select, yes { {ranked, plural, one {# vendor} other {# vendors}} ranked{someUnscored, select, yes {, {unscored, number} not yet scored} other {}}.} other {}}} other {The ranking appears once scores come in.}}',
    (leader: string | null, counts?: { ranked: number; unscored: number }, own = false) => ({
      leads: leader ? 'yes' : 'no',
      leader: leader ?? '',
      own: own ? 'yes' : 'no',
      counted: counts ? 'yes' : 'no',
      ranked: counts?.ranked ?? 0,
      someUnscored: counts && counts.unscored > 0 ? 'yes' : 'no',
      unscored: counts?.unscored ?? 0,
    }),
  ),
  recordTitle: 'What the decision rests on',
  recordCriteria: icu('{n, plural, one {# criterion} other {# criteria}}', (n: number) => ({ n })),
  recordVendors: icu('{n, plural, one {# vendor} other {# vendors}} on the longlist', (n: number) => ({ n })),
  recordRanking: icu('{leads, select, yes {The ranking: {leader} first} other {The ranking}}', (leader: string | null) => ({ leads: leader ? 'yes' : 'no', leader: leader ?? '' })),
  open: 'Open',
  lifecycle: 'Stage',
  stageHelp: {
    draft: 'Set up criteria, vendors and weights.',
    voting: 'Stakeholders vote on how much each criterion matters.',
    scoring: 'Evaluators score the vendors, each on their own.',
    review: 'The panel reconciles disagreements; consensus scores are recorded with reasons.',
    decided: 'The decision is locked: nothing can change and the ranking stays reproducible.',
  },
  next: {
    draft: 'Open voting',
    voting: 'Close voting and start scoring',
    scoring: 'Close scoring and start review',
    review: 'Decide and lock the evaluation',
  },
  skipVoting: 'Skip voting and start scoring',
  decideNeedsCheck: 'Tick the box to confirm that the evaluation will be locked.',
} as const;
