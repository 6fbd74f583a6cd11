import { icu } from './icu.js';

/** The password-reset pages (issue 15, promise 7). */
export const passwordReset = {
  forgotLink: 'Forgot your password?',
  requestTitle: 'Reset your password',
  requestIntro: 'Enter the e-mail address of your account. We send a link to set a new password; it works once, for 30 minutes.',
  requestButton: 'Send the link',
  // The same words whether or not the address has an account: the page must not tell which.
  requestSent: icu('If {email} belongs to an account, a link to set a new password is on its way. It works once, for 30 minutes. Nothing arrived? Look in the spam folder, or ask for a new link in a few minutes.', (email: string) => ({ email })),
  tooManyRequests: icu('Too many reset requests for this address or from this network. Try again in {minutes, plural, one {# minute} other {# minutes}}.', (minutes: number) => ({ minutes })),
  unavailableTitle: 'Password reset is not available here',
  unavailable: 'This cxbench server sends no e-mail, so it cannot send you a reset link.',
  unavailableWhom: 'Ask whoever runs this server for your organisation (the person who installed it, or your IT team) for a new password link: they can make one with “npm run reset-link -- your@email” on the server.',
  setTitle: 'Choose a new password',
  setIntro: icu('For the account {email}. Setting it signs you out everywhere and revokes your API tokens.', (email: string) => ({ email })),
  setButton: 'Set the new password',
  linkUnknown: 'This reset link is not valid. Check that the whole address from the e-mail was copied, or ask for a new link.',
  linkUsed: 'This reset link has been used already. If that was not you, ask for a new link and change your password.',
  linkExpired: 'This reset link has expired: links work for 30 minutes. Ask for a new one.',
  linkRevoked: 'This reset link was replaced by a newer one: use the link in the latest e-mail, or ask for a new one.',
  askAgain: 'Ask for a new link',
  done: 'Your new password is set. Every earlier session has ended and your API tokens are revoked: sign in with the new password.',
  backToSignIn: 'Back to sign-in',
} as const;
