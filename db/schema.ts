import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** The tables as Kysely sees them. Timestamps are ISO-8601 UTC text; booleans are 0/1 integers. */
export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  evaluations: EvaluationsTable;
  stakeholder_groups: StakeholderGroupsTable;
  evaluation_members: EvaluationMembersTable;
  criteria: CriteriaTable;
  vendors: VendorsTable;
  weight_sets: WeightSetsTable;
  weight_entries: WeightEntriesTable;
  votes: VotesTable;
  scores: ScoresTable;
  score_cells: ScoreCellsTable;
  score_counts: ScoreCountsTable;
  score_cell_changes: ScoreCellChangesTable;
  audit_entries: AuditEntriesTable;
  invites: InvitesTable;
  declarations: DeclarationsTable;
  submissions: SubmissionsTable;
  evaluator_exclusions: EvaluatorExclusionsTable;
  assignments: AssignmentsTable;
  feedback: FeedbackTable;
  decisions: DecisionsTable;
  approvals: ApprovalsTable;
  member_invitations: MemberInvitationsTable;
  mail_outbox: MailOutboxTable;
  deadline_reminders: DeadlineRemindersTable;
  report_links: ReportLinksTable;
  login_failures: LoginFailuresTable;
  password_resets: PasswordResetsTable;
}

export interface TeamsTable { id: Generated<number>; name: string; created_at: string }

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  created_at: string;
  /** The language the person chose (issue 16); null until they pick one. */
  locale: string | null;
}

export interface TeamMembersTable { team_id: number; user_id: number; created_at: string }

export interface SessionsTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export type EvaluationStatus = 'draft' | 'voting' | 'scoring' | 'review' | 'decided';
export type MemberRole = 'facilitator' | 'evaluator' | 'stakeholder' | 'observer';

export interface EvaluationsTable {
  id: Generated<number>;
  team_id: number;
  name: string;
  status: EvaluationStatus;
  scale_min: number;
  scale_max: number;
  template: string;
  disagreement_threshold: Generated<number>;
  hide_prices: Generated<number>;
  aggregation: Generated<string>;
  vote_methods: Generated<string>;
  ahp_mode: Generated<string>;
  exclude_inconsistent: Generated<number>;
  /** Bumped by every write that changes this evaluation's score_cells (migration 005, ADR 008). */
  cells_version: Generated<number>;
  /** Bumped by every write of scores, not of consensus (migration 006). */
  scores_version: Generated<number>;
  /** When voting and scoring should end, ISO-8601 UTC (migration 010); reminders go out before. */
  voting_deadline: Generated<string | null>;
  scoring_deadline: Generated<string | null>;
  /** How a price becomes a cost score (migration 013, ADR 030): 'lowest-over-price' | 'linear' | 'relative-to-average'. */
  cost_formula: Generated<string>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface StakeholderGroupsTable {
  id: Generated<number>;
  evaluation_id: number;
  name: string;
  weight: Generated<number>;
  position: Generated<number>;
}

export interface EvaluationMembersTable {
  evaluation_id: number;
  user_id: number;
  role: MemberRole;
  group_id: number | null;
  added_at: string;
  removed_at: string | null;
  /** 1 when the member is asked to sign off the decision (migration 008). */
  approver: Generated<number>;
}

export type CriterionKindColumn = 'scored' | 'must-have' | 'cost';

export interface CriteriaTable {
  id: Generated<number>;
  evaluation_id: number;
  parent_id: number | null;
  name: string;
  description: Generated<string>;
  kind: CriterionKindColumn;
  rubric: Generated<string>;
  position: Generated<number>;
  created_at: string;
}

export interface VendorsTable {
  id: Generated<number>;
  evaluation_id: number;
  name: string;
  name_key: string;
  website: Generated<string>;
  category: Generated<string>;
  description: Generated<string>;
  price: number | null;
  screened_out: string | null;
  /** Set when the vendor was withdrawn after scoring opened (migration 007): it keeps its scores, leaves the ranking. */
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  withdrawn_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface WeightSetsTable {
  id: Generated<number>;
  evaluation_id: number;
  version: number;
  source: 'template' | 'direct' | 'vote';
  note: Generated<string>;
  created_by: number | null;
  created_at: string;
  /** Why the weights changed after scoring began (migration 007); null for a set made before. */
  reason: string | null;
}

export interface WeightEntriesTable { weight_set_id: number; criterion_id: number; weight: number }

export interface VotesTable {
  id: Generated<number>;
  evaluation_id: number;
  user_id: number;
  method: string;
  payload: string;
  weights: string;
  consistency_ratio: number | null;
  created_at: string;
  updated_at: string;
}

/** Keyed by cell and evaluator, (vendor_id, criterion_id, evaluator_id); no id (migration 006). */
export interface ScoresTable {
  evaluation_id: number;
  vendor_id: number;
  criterion_id: number;
  evaluator_id: number;
  value: number | null;
  comment: Generated<string>;
  abstain_reason: string | null;
  version: Generated<number>;
  updated_at: string;
}

export interface ScoreCellsTable {
  evaluation_id: number;
  vendor_id: number;
  criterion_id: number;
  n: Generated<number>;
  sum: Generated<number>;
  min: number | null;
  max: number | null;
  pass: Generated<number>;
  fail: Generated<number>;
  na: Generated<number>;
  consensus: number | null;
  consensus_rationale: string | null;
  consensus_by: number | null;
  consensus_at: string | null;
}

/** Which cells each cells_version changed, newest versions only (migration 006, ADR 009). */
export interface ScoreCellChangesTable { evaluation_id: number; seq: number; vendor_id: number; criterion_id: number }

/** Score rows per evaluator and criterion, kept by triggers on scores (migration 005). */
export interface ScoreCountsTable { evaluation_id: number; evaluator_id: number; criterion_id: number; n: Generated<number> }

export interface AuditEntriesTable {
  id: Generated<number>;
  team_id: number;
  evaluation_id: number | null;
  actor_id: number | null;
  at: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  /** The entry in one sentence with names as they were (migration 008); null on older entries. */
  summary: string | null;
  /** JSON AuditNames: the names the entry mentions, as they were (migration 008); null on older entries. */
  names: string | null;
}

export interface InvitesTable {
  id: Generated<number>;
  evaluation_id: number;
  user_id: number;
  token_hash: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface DeclarationsTable { evaluation_id: number; user_id: number; conflict: number; description: Generated<string>; declared_at: string }
export interface SubmissionsTable { evaluation_id: number; user_id: number; submitted_at: string }
export interface EvaluatorExclusionsTable { evaluation_id: number; user_id: number; vendor_id: number; reason: Generated<string>; created_by: number | null; created_at: string }
export interface AssignmentsTable { id: Generated<number>; evaluation_id: number; user_id: number; vendor_id: number | null; criterion_id: number | null; created_at: string }
export interface FeedbackTable { evaluation_id: number; vendor_id: number; user_id: number; nps: number; csat: number | null; ces: number | null; comment: Generated<string>; updated_at: string }

/** The decision of a decided evaluation (migration 008); vendor_ids and acknowledged are JSON text. */
export interface DecisionsTable {
  evaluation_id: number;
  vendor_ids: string;
  reason: Generated<string>;
  acknowledged: string | null;
  via: 'decision' | 'status';
  decided_by: number | null;
  decided_at: string;
}

export type Verdict = 'approve' | 'object';
/** One approver's verdict on the decision; a later one replaces it (migration 008). */
export interface ApprovalsTable { evaluation_id: number; user_id: number; verdict: Verdict; comment: Generated<string>; at: string }

/** A pending membership for an e-mail with no account (migration 010); the join link is single-use. */
export interface MemberInvitationsTable {
  id: Generated<number>;
  evaluation_id: number;
  email: string;
  role: MemberRole;
  group_id: number | null;
  approver: Generated<number>;
  token_hash: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: number | null;
  revoked_at: string | null;
}

/** An e-mail written with the write that caused it and sent after the commit (migration 010, ADR 020). */
export interface MailOutboxTable {
  id: Generated<number>;
  evaluation_id: number | null;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: string;
  attempts: Generated<number>;
  claimed_at: string | null;
  sent_at: string | null;
  failed_at: string | null;
  last_error: string | null;
}

export type DeadlineStage = 'voting' | 'scoring';
/** One reminder before a deadline, claimed once by a conditional update (migration 010). */
export interface DeadlineRemindersTable {
  id: Generated<number>;
  /** `reminder` before a deadline, or `opened`: the stage opened at `deadline` (hours_before 0). */
  kind: Generated<'reminder' | 'opened'>;
  evaluation_id: number;
  stage: DeadlineStage;
  deadline: string;
  hours_before: number;
  due_at: string;
  claimed_at: string | null;
  recipients: number | null;
}

export type User = Selectable<UsersTable>;
export type Evaluation = Selectable<EvaluationsTable>;
export type NewEvaluation = Insertable<EvaluationsTable>;
export type EvaluationUpdate = Updateable<EvaluationsTable>;
export type Criterion = Selectable<CriteriaTable>;
export type Vendor = Selectable<VendorsTable>;
export type NewVendor = Insertable<VendorsTable>;
export type Score = Selectable<ScoresTable>;
export type ScoreCell = Selectable<ScoreCellsTable>;
export type AuditEntry = Selectable<AuditEntriesTable>;

/** A read-only link to the board report for someone without an account; only the token's hash is kept (migration 011). */
export interface ReportLinksTable {
  id: Generated<number>;
  evaluation_id: number;
  token_hash: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  uses: Generated<number>;
  last_used_at: string | null;
}

/** One failed sign-in, counted per account (`account:<email>`) and per client address (`ip:<addr>`). */
export interface LoginFailuresTable {
  key: string;
  at: string;
}

/** A mailed password-reset link (migration 017): only the token's hash; single-use, expiring. */
export interface PasswordResetsTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}
