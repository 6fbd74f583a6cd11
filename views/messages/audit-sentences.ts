import { icu } from './icu.js';

/**
 * The audit log's sentences (issue 11, translated for issue 16). Written at write time in English
 * (the stored summary, which the search runs over) and again on the audit page in the reader's
 * language from the entry's facts and stored names. Names typed by teams are values, never text.
 */
export const auditSentences = {
  someone: 'someone',
  theSystem: 'The system',
  aVendor: 'a vendor',
  aCriterion: 'a criterion',
  notApplicable: 'N/A',
  unknownDate: 'an unknown date',
  everyVendor: 'every vendor',
  everyCriterion: 'every criterion',
  namesAndMore: icu('{names} and more', (names: string) => ({ names })),
  namesAndCount: icu('{names} and {n} more', (names: string, n: number) => ({ names, n })),
  listedAndCount: icu('{shown}; and {n} more', (shown: string, n: number) => ({ shown, n })),
  roleName: icu('{role, select, facilitator {facilitator} evaluator {evaluator} stakeholder {stakeholder} observer {observer} other {member}}', (role: string) => ({ role })),
  nothingChanged: 'nothing changed',
  noShareMoved: 'no share moved',
  noneChanged: 'none changed',
  aNewVersion: 'a new version',
  aVote: 'a vote',
  methodName: icu('{method, select, points {100-point allocation} rating {importance rating} rank {rank order} ahp {pairwise comparison} other {{method}}}', (method: string) => ({ method })),
  weights: {
    changed: icu('{actor} changed the weights ({set}): {changes}', (actor: string, set: string, changes: string) => ({ actor, set, changes })),
    voted: icu('{actor} voted on the weights by {method}: {shares}', (actor: string, method: string, shares: string) => ({ actor, method, shares })),
    revoted: icu('{actor} changed their vote ({method}): {changes}', (actor: string, method: string, changes: string) => ({ actor, method, changes })),
    groupWeights: icu('{actor} set the stakeholder group weights: {changes}', (actor: string, changes: string) => ({ actor, changes })),
    votingSettings: icu('{actor} changed the voting settings: {changes}', (actor: string, changes: string) => ({ actor, changes })),
    groupAdded: icu('{actor} added the stakeholder group {name}{hasWeight, select, yes { (weight {weight})} other {}}', (actor: string, name: string, weight: string | null) => ({ actor, name, hasWeight: weight ? 'yes' : 'no', weight: weight ?? '' })),
  },
  process: {
    created: icu('{actor} created the evaluation {name}', (actor: string, name: string) => ({ actor, name })),
    moved: icu('{actor} moved the evaluation {change}{frozen, select, yes { (weights frozen as version {version})} other {}}{forced, select, yes {, forced} despite {, forced despite {missing}} other {}}', (actor: string, change: string, version: string | null, forced: boolean, missing: string | null) => ({ actor, change, frozen: version ? 'yes' : 'no', version: version ?? '', forced: forced ? (missing ? 'despite' : 'yes') : 'no', missing: missing ?? '' })),
    votingReopened: icu('{actor} reopened voting: {change}', (actor: string, change: string) => ({ actor, change })),
    envelopeSealed: icu('{actor} sealed the price envelope: prices hidden from evaluators until they submit', (actor: string) => ({ actor })),
    envelopeOpened: icu('{actor} opened the price envelope: prices shown to every reader', (actor: string) => ({ actor })),
    costFormula: icu('{actor} changed how prices are scored: {change}{hasReason, select, yes {, because {reason}} other {}}', (actor: string, change: string, reason: string | null) => ({ actor, change, hasReason: reason ? 'yes' : 'no', reason: reason ?? '' })),
    threshold: icu('{actor} set the disagreement threshold: {change}', (actor: string, change: string) => ({ actor, change })),
    feedbackGiven: icu('{actor} gave demo feedback on {vendor}: {details}', (actor: string, vendor: string, details: string) => ({ actor, vendor, details })),
    feedbackChanged: icu('{actor} changed their demo feedback on {vendor}: {details}', (actor: string, vendor: string, details: string) => ({ actor, vendor, details })),
    signedUp: icu('{actor} signed up{hasTeam, select, yes { with team {team}} other {}}', (actor: string, team: string | null) => ({ actor, hasTeam: team ? 'yes' : 'no', team: team ?? '' })),
  },
  score: {
    scored: icu('{actor} scored {vendor} on {criterion}: {values}{hasComment, select, yes {, comment {comment}} other {}}', (actor: string, vendor: string, criterion: string, values: string, comment: string | null) => ({ actor, vendor, criterion, values, hasComment: comment ? 'yes' : 'no', comment: comment ?? '' })),
    batch: icu('{actor} saved {n, plural, one {# score} other {# scores}}{hasParts, select, yes {: {parts}} other {}}', (actor: string, n: number, parts: string) => ({ actor, n, hasParts: parts ? 'yes' : 'no', parts })),
    cleared: icu('{actor} withdrew their score for {vendor} on {criterion}: {values}', (actor: string, vendor: string, criterion: string, values: string) => ({ actor, vendor, criterion, values })),
    consensus: icu("{actor} set the panel's consensus for {vendor} on {criterion}: {values}{hasRationale, select, yes { (rationale {rationale})} other {}}", (actor: string, vendor: string, criterion: string, values: string, rationale: string | null) => ({ actor, vendor, criterion, values, hasRationale: rationale ? 'yes' : 'no', rationale: rationale ?? '' })),
    consensusCleared: icu("{actor} removed the panel's consensus for {vendor} on {criterion}: {values}", (actor: string, vendor: string, criterion: string, values: string) => ({ actor, vendor, criterion, values })),
  },
  member: {
    added: icu('{actor} added {member} as {role}{hasGroup, select, yes { (group {group})} other {}}', (actor: string, member: string, role: string, group: string | null) => ({ actor, member, role, hasGroup: group ? 'yes' : 'no', group: group ?? '' })),
    readded: icu('{actor} brought {member} back as {role} (was {was})', (actor: string, member: string, role: string, was: string) => ({ actor, member, role, was })),
    removed: icu('{actor} removed {member} ({role}) from the evaluation', (actor: string, member: string, role: string) => ({ actor, member, role })),
    excluded: icu('{actor} excluded {member} from scoring {vendor}{hasReason, select, yes {: {reason}} other {}}', (actor: string, member: string, vendor: string, reason: string | null) => ({ actor, member, vendor, hasReason: reason ? 'yes' : 'no', reason: reason ?? '' })),
    exclusionLifted: icu('{actor} let {member} score {vendor} again', (actor: string, member: string, vendor: string) => ({ actor, member, vendor })),
    scope: icu('{vendor} / {criterion}', (vendor: string, criterion: string) => ({ vendor, criterion })),
    assigned: icu('{actor} assigned {member} to {scope}', (actor: string, member: string, scope: string) => ({ actor, member, scope })),
    unassigned: icu('{actor} took {member} off {scope}', (actor: string, member: string, scope: string) => ({ actor, member, scope })),
    invited: icu('{actor} invited {member}{hasEmail, select, yes { ({email})} other {}} as {role}', (actor: string, member: string, email: string | null, role: string) => ({ actor, member, hasEmail: email ? 'yes' : 'no', email: email ?? '', role })),
    linkRevoked: icu('{actor} revoked the voting link of {member}', (actor: string, member: string) => ({ actor, member })),
    declaredConflict: icu('{actor} declared a conflict of interest{hasReason, select, yes {: {reason}} other {}}', (actor: string, reason: string | null) => ({ actor, hasReason: reason ? 'yes' : 'no', reason: reason ?? '' })),
    declaredNone: icu('{actor} declared no conflict of interest', (actor: string) => ({ actor })),
    submitted: icu('{actor} submitted their scores ({scores} in all)', (actor: string, scores: string) => ({ actor, scores })),
  },
  reportLink: {
    created: icu('{actor} made read-only link {link} to the board report, valid until {day}', (actor: string, link: string, day: string) => ({ actor, link, day })),
    revoked: icu('{actor} revoked read-only link {link} to the board report', (actor: string, link: string) => ({ actor, link })),
    viewed: icu('Someone with read-only link {link} opened the board report{pdf, select, yes { as a PDF} other {}} (opening {uses})', (link: string, pdf: boolean, uses: string) => ({ link, pdf: pdf ? 'yes' : 'no', uses })),
  },
} as const;
