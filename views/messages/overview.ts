export const overview = {
  title: 'Overview',
  scale: (min: number, max: number) => `Scores from ${min} to ${max}`,
  steps: 'Next steps',
  stepCriteria: (n: number) => (n === 0 ? 'Add the criteria vendors are judged on.' : `${n} criteria defined — review names, rubrics and kinds.`),
  stepVendors: (n: number) => (n === 0 ? 'Add the vendors on your longlist.' : `${n} vendors on the longlist.`),
  stepWeights: (v: number | null) => (v === null ? 'Set how much each criterion matters.' : `Weights in force: version ${v}.`),
  stepScoring: (done: number, total: number) => (total === 0 ? 'Scoring opens once there are vendors and criteria.' : `${done} of ${total} cells scored by you.`),
  stepRanking: (leader: string | null) => (leader ? `Current leader: ${leader}.` : 'The ranking appears once scores come in.'),
  open: 'Open',
} as const;
