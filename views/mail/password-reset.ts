import { compose, mailTime, type MailBody } from './messages.js';

/**
 * The password-reset mail. It names no account details beyond the address it goes to, and says what
 * to do when the reader did not ask: nothing (the link expires and their password stays).
 */
export const passwordResetMail = (p: { link: string; expiresAt: string }): MailBody => compose(
  'Reset your cxbench password',
  ['Someone (we hope you) asked to set a new password for the cxbench account of this e-mail address.',
    `The link below works once, until ${mailTime(p.expiresAt)}. Setting a new password signs you out everywhere and revokes your API tokens.`,
    'If you did not ask, ignore this e-mail: your password stays as it is.'],
  { label: 'Set a new password', link: p.link },
);
