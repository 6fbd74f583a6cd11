import { icu } from './icu.js';

type Stage = 'voting' | 'scoring';

/**
 * The e-mails cxbench sends (issue 16). Written in the sender's language when someone's action sends
 * them, in the recipient's stored language when the scheduler does. Times arrive already formatted.
 */
export const mail = {
  invitation: {
    subject: icu('{inviter} invites you to “{evaluation}” on cxbench', (inviter: string, evaluation: string) => ({ inviter, evaluation })),
    added: icu(
      '{inviter} has added you as {role, select, facilitator {a facilitator} evaluator {an evaluator} stakeholder {a stakeholder} observer {an observer} other {{role}}} to the evaluation “{evaluation}”.',
      (inviter: string, role: string, evaluation: string) => ({ inviter, role, evaluation }),
    ),
    linkUntil: icu('Open your personal link to choose your name and a password; it works once and until {until}.', (until: string) => ({ until })),
    action: 'Join the evaluation',
  },
  voteLink: {
    subject: icu('Your vote on the criteria of “{evaluation}”', (evaluation: string) => ({ evaluation })),
    ask: icu('{inviter} asks you to say how much each criterion of “{evaluation}” matters to you. It takes a few minutes and needs no account.', (inviter: string, evaluation: string) => ({ inviter, evaluation })),
    linkUntil: icu('Your personal link signs you in to vote until {until}. Do not forward it.', (until: string) => ({ until })),
    action: 'Vote now',
  },
  stageOpen: {
    subject: icu('{stage, select, voting {Voting is open: “{evaluation}”} other {Scoring is open: “{evaluation}”}}', (stage: Stage, evaluation: string) => ({ stage, evaluation })),
    opened: icu('{stage, select, voting {Voting on the criteria of “{evaluation}” is open.} other {Scoring of the vendors of “{evaluation}” is open.}}', (stage: Stage, evaluation: string) => ({ stage, evaluation })),
    closesOn: icu('It closes on {deadline}.', (deadline: string) => ({ deadline })),
    noDeadline: 'The facilitator closes it when the panel is done.',
    action: icu('{stage, select, voting {Cast your vote} other {Start scoring}}', (stage: Stage) => ({ stage })),
  },
  reminder: {
    subject: icu(
      '{stage, select, voting {Reminder: your vote on “{evaluation}” is due in {hours, plural, one {# hour} other {# hours}}} other {Reminder: your scores for “{evaluation}” are due in {hours, plural, one {# hour} other {# hours}}}}',
      (stage: Stage, evaluation: string, hours: number) => ({ stage, evaluation, hours }),
    ),
    pending: icu('{stage, select, voting {You have not voted on the criteria of “{evaluation}” yet.} other {You have not submitted your scores for “{evaluation}” yet.}}', (stage: Stage, evaluation: string) => ({ stage, evaluation })),
    deadlineIs: icu('The deadline is {deadline}.', (deadline: string) => ({ deadline })),
    action: icu('{stage, select, voting {Cast your vote} other {Finish scoring}}', (stage: Stage) => ({ stage })),
  },
  copyAddress: icu('Or copy this address: {link}', (link: string) => ({ link })),
  /** A time in a mail is always UTC, and says so: "7 Dec 2026, 14:00 UTC". */
  utcTime: icu('{time} UTC', (time: string) => ({ time })),
} as const;
