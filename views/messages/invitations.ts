import { icu } from './icu.js';
import { day } from '../format.js';

/** Texts of joining by invitation, e-mail status and deadlines (issue 12). */
export const invitations = {
  joinTitle: 'Join the evaluation',
  joinIntro: icu('You are invited to “{evaluation}” as {email}. Choose the name the panel will see and a password; this link then signs you in.', (evaluation: string, email: string) => ({ evaluation, email })),
  joinButton: 'Join and sign in',
  name: 'Your name',
  password: 'Password',
  passwordHint: 'At least 10 characters.',
  usedTitle: 'This link was used',
  used: 'This join link has been used already, and works only once. Sign in with the e-mail address and password you chose.',
  expiredTitle: 'This link has expired',
  expired: 'This join link has expired. Ask the facilitator to invite you again; the new e-mail carries a fresh link.',
  revokedTitle: 'This link was withdrawn',
  revoked: 'This join link was withdrawn, usually because a newer invitation replaced it. Use the latest e-mail, or ask the facilitator to invite you again.',
  unknownTitle: 'Unknown link',
  unknown: 'This join link is not known here. Check that it was copied whole, or ask the facilitator for a new one.',
  existingAccount: 'An account with this e-mail address already exists, and it is now a member of the evaluation. Sign in with its password.',
  signIn: 'Sign in',
  mailOff: 'E-mail is off on this server (SMTP_URL is not set), so nothing was sent: copy this personal link and pass it on yourself. It works once and expires in 14 days.',
  mailSent: icu('Invitation e-mailed to {email}. They appear below as invited until they join.', (email: string) => ({ email })),
  mailQueued: icu('Invitation to {email} saved; the mail server has not confirmed it yet, so it will be retried. They appear below as invited until they join.', (email: string) => ({ email })),
  mailFailures: 'These e-mails could not be delivered yet (they are retried):',
  invitedUntil: icu('invited, link valid until {date}', (iso: string) => ({ date: day(iso) })),
  deadlinesTitle: 'Deadlines',
  deadlinesIntro: 'Members who have not voted or submitted are reminded by e-mail 48 hours and 4 hours before. Times are UTC.',
  votingDeadline: 'Voting closes (UTC)',
  scoringDeadline: 'Scoring closes (UTC)',
  saveDeadlines: 'Save deadlines',
  badDate: 'Enter a date and time, e.g. 2026-12-07T14:00Z.',
  deadlineBanner: icu('{stage, select, voting {Voting closes {when}.} other {Scoring closes {when}.}}', (stage: 'voting' | 'scoring', when: string) => ({ stage, when })),
} as const;
