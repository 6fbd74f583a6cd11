/** What someone may do inside one evaluation; API.md's "Roles" table, kept in this one place. */
export type Role = 'facilitator' | 'evaluator' | 'stakeholder' | 'observer';
export type Action = 'read' | 'edit' | 'vote' | 'score' | 'feedback' | 'audit' | 'approve' | 'share';
export type Status = 'draft' | 'voting' | 'scoring' | 'review' | 'decided';

const ALLOWED: Record<Action, readonly Role[]> = {
  read: ['facilitator', 'evaluator', 'stakeholder', 'observer'],
  edit: ['facilitator'],
  vote: ['facilitator', 'stakeholder'],
  score: ['facilitator', 'evaluator'],
  feedback: ['facilitator', 'evaluator', 'stakeholder'],
  audit: ['facilitator', 'observer'],
  // Any role may be asked to sign off; the member's approver flag decides (access.ts checks it).
  approve: ['facilitator', 'evaluator', 'stakeholder', 'observer'],
  // Handing the board report to someone outside the panel (read-only links): the facilitator's call.
  share: ['facilitator'],
};

export const ROLES: readonly Role[] = ['facilitator', 'evaluator', 'stakeholder', 'observer'];
export const STATUSES: readonly Status[] = ['draft', 'voting', 'scoring', 'review', 'decided'];

export function can(role: Role, action: Action): boolean {
  return ALLOWED[action].includes(role);
}

/**
 * Every action but reading changes something, and a decided evaluation changes no more. Signing
 * off is the exception: it is what a decided evaluation waits for; and so is sharing the report
 * (a read-only link changes nothing in the evaluation).
 */
export const isWrite = (action: Action): boolean => action !== 'read' && action !== 'audit' && action !== 'approve' && action !== 'share';

/**
 * Whether the lifecycle may move from `from` to `to`: one step forward at a time, except that
 * voting may be skipped when the facilitator sets the weights directly.
 */
export function canMoveStatus(from: Status, to: Status): boolean {
  const i = STATUSES.indexOf(from);
  const j = STATUSES.indexOf(to);
  if (from === 'decided') return false;
  if (j === i + 1) return true;
  return from === 'draft' && to === 'scoring';
}
