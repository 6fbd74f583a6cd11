import { count } from '../format.js';

export const overview = {
  title: 'Overview',
  scale: (min: number, max: number) => `Scores from ${min} to ${max}`,
  steps: 'Next steps',
  stepCriteria: (n: number) => (n === 0 ? 'Add the criteria vendors are judged on.' : `${count(n, 'criterion', 'criteria')} defined — review names, rubrics and kinds.`),
  stepVendors: (n: number) => (n === 0 ? 'Add the vendors on your longlist.' : `${count(n, 'vendor')} on the longlist.`),
  stepWeights: (v: number | null) => (v === null ? 'Set how much each criterion matters.' : `Weights in force: version ${v}.`),
  stepScoring: (done: number, total: number) => (total === 0 ? 'Scoring opens once there are vendors and criteria.' : `${done} of ${count(total, 'cell')} scored by you.`),
  stepRanking: (leader: string | null, counts?: { ranked: number; unscored: number }, own = false) =>
    (leader ? `Current leader${own ? ' (your scores only)' : ''}: ${leader}.${counts ? ` ${count(counts.ranked, 'vendor')} ranked${counts.unscored > 0 ? `, ${counts.unscored} not yet scored` : ''}.` : ''}` : 'The ranking appears once scores come in.'),
  recordTitle: 'What the decision rests on',
  recordCriteria: (n: number) => `${count(n, 'criterion', 'criteria')}`,
  recordVendors: (n: number) => `${count(n, 'vendor')} on the longlist`,
  recordRanking: (leader: string | null) => (leader ? `The ranking: ${leader} first` : 'The ranking'),
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
  decideConfirm: 'Deciding locks the evaluation for good: no score, weight, criterion or vendor can change afterwards. The ranking and exports stay exactly as they are now.',
  decideCheck: 'I understand that the evaluation will be locked',
  decideNeedsCheck: 'Tick the box to confirm that the evaluation will be locked.',
} as const;
