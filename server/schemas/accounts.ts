import { z } from 'zod';
import { Name } from './common.js';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

const Email = z.string({ error: () => v.required }).trim().toLowerCase().pipe(z.email({ error: () => v.email })).pipe(z.string().max(254));

// Whitespace and the invisible joiners that render as nothing: ten of them are no secret (issue 15).
const BLANK = /^[\s\u200b-\u200d\u2060]*$/;

/**
 * A new password: 10 to 200 characters, not all of them blank. The messages say what is wrong with
 * this one, so they never just repeat the field's hint (issue 12: "At least 10 characters." twice).
 */
export const NewPassword = z.string({ error: () => v.required })
  .min(10, { error: (iss) => v.passwordTooShort(typeof iss.input === 'string' ? iss.input.length : 0) })
  .max(200, { error: () => v.passwordTooLong })
  .refine((s) => !BLANK.test(s), { error: () => v.passwordBlank });

export const SignupSchema = z.object({
  email: Email,
  password: NewPassword,
  name: Name(100),
  teamName: Name(100),
});

export const LoginSchema = z.object({
  email: z.string({ error: () => v.required }).trim().min(1, { error: () => v.required }).max(254),
  password: z.string({ error: () => v.required }).min(1, { error: () => v.required }).max(200),
});

/** A password change: the current one (checked like a sign-in) and the new one (the sign-up rules). */
export const ChangePasswordSchema = z.object({
  currentPassword: z.string({ error: () => v.required }).min(1, { error: () => v.required }).max(200),
  newPassword: NewPassword,
});

/** Asking for a password-reset link: only an address (any well-formed one; whether it has an account is never said). */
export const ResetRequestSchema = z.object({ email: Email });

/** A reset link's token as the API takes it: a bounded string (an unknown one is refused as a dead link). */
const ResetToken = z.string({ error: () => m.validation.required }).min(1, { error: () => m.validation.required }).max(200, { error: () => m.validation.notResetToken });

/** Setting the new password from a reset link (API): the token from the mail and the new password (the sign-up rules). */
export const ResetConfirmSchema = z.object({ token: ResetToken, newPassword: NewPassword });

/** The page form that sets the new password; the token is in the page's address. */
export const ResetPasswordFormSchema = z.object({ password: NewPassword });
