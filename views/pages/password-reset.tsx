import type { FieldErrors } from '../../server/errors.js';
import { Field, FormErrors, Layout } from '../layout.js';
import { m } from '../messages/index.js';

/** A subtree read through `m`, so in the request's language (ADR 034). */
const t = m.passwordReset;

/**
 * "Forgot your password?": the form for an address, then the same words for every address (`sentTo`).
 * Without e-mail (`available` false) it says so and whom to ask instead of showing a form.
 */
export function ResetRequestPage({ available, sentTo, errors, values }: { available: boolean; sentTo?: string; errors?: FieldErrors; values?: Record<string, string> }) {
  const title = available ? t.requestTitle : t.unavailableTitle;
  return (
    <Layout title={title} user={null}>
      <section class="card narrow">
        <h1>{title}</h1>
        {!available ? <><p>{t.unavailable}</p><p>{t.unavailableWhom}</p></>
          : sentTo !== undefined ? <div class="alert alert-success break-anywhere" role="status">{t.requestSent(sentTo)}</div>
          : <>
            <p class="muted">{t.requestIntro}</p>
            <FormErrors errors={errors} />
            <form method="post" action="/password-reset" class="stack" novalidate>
              <Field label={m.auth.email} name="email" error={errors?.email}>
                <input id="f-email" name="email" type="email" autocomplete="username" required value={values?.email ?? ''} />
              </Field>
              <button type="submit" class="button button-primary">{t.requestButton}</button>
            </form>
          </>}
        <p class="muted small"><a href="/login">{t.backToSignIn}</a></p>
      </section>
    </Layout>
  );
}

/** The mailed link's page: the new password, under the sign-up rules. */
export function ResetPasswordPage({ token, email, errors }: { token: string; email: string; errors?: FieldErrors }) {
  return (
    <Layout title={t.setTitle} user={null}>
      <section class="card narrow">
        <h1>{t.setTitle}</h1>
        <p class="muted break-anywhere">{t.setIntro(email)}</p>
        <FormErrors errors={errors} />
        <form method="post" action={`/password-reset/${token}`} class="stack" novalidate>
          <input type="hidden" name="username" value={email} autocomplete="username" />
          <Field label={m.auth.newPassword} name="password" error={errors?.password} hint={m.auth.passwordHint}>
            <input id="f-password" name="password" type="password" autocomplete="new-password" minlength={10} required />
          </Field>
          <button type="submit" class="button button-primary">{t.setButton}</button>
        </form>
      </section>
    </Layout>
  );
}

export type DeadResetLink = 'used' | 'expired' | 'revoked' | 'unknown';
const DEAD: Record<DeadResetLink, string> = { used: t.linkUsed, expired: t.linkExpired, revoked: t.linkRevoked, unknown: t.linkUnknown };

/** A reset link that opens nothing says which case it is, and offers a new one. */
export function DeadResetLinkPage({ state }: { state: DeadResetLink }) {
  return (
    <Layout title={t.setTitle} user={null}>
      <section class="card narrow">
        <h1>{t.setTitle}</h1>
        <p>{DEAD[state]}</p>
        <p><a class="button" href="/password-reset">{t.askAgain}</a></p>
      </section>
    </Layout>
  );
}
