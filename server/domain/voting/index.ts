/** Stakeholder voting: one vote → weights (four methods), AHP maths, and aggregation into a weight set. */
export {
  ahpToWeights,
  pointsToWeights,
  rankToWeights,
  ratingsToWeights,
  rocWeights,
  type AhpResult,
  type Problems,
  type Weights,
  type WeightsResult,
} from './methods.js';
export {
  consistencyRatio,
  geometricMeanMatrix,
  principalEigenvector,
  RANDOM_INDEX,
  rowGeometricMeanVector,
  worstJudgement,
  type Eigen,
  type Judgement,
  type Matrix,
} from './ahp.js';
export {
  aggregateVotes,
  consensus,
  dispersion,
  type Aggregation,
  type Consensus,
  type GroupedVote,
  type Spread,
  type VoteGroup,
} from './aggregate.js';
