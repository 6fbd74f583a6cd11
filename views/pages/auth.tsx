import type { FieldErrors } from '../../server/errors.js';
import type { CurrentUser } from '../../server/context.js';
import { Field, FormErrors, Layout } from '../layout.js';
import { m } from '../messages/index.js';


/** `demo`: the demo account still signs in with its default password, which start-up prints. `notice`: a success to confirm (a password just reset). */
export function LoginPage({ errors, values, next, demo, notice }: { errors?: FieldErrors; values?: Record<string, string>; next?: string; demo?: boolean; notice?: string }) {
  return (
    <Layout title={m.auth.loginTitle} user={null as CurrentUser | null}>
      <section class="card narrow">
        <h1>{m.auth.loginTitle}</h1>
        <p class="muted">{m.auth.loginIntro}</p>
        {notice ? <div class="alert alert-success" role="status">{notice}</div> : null}
        <FormErrors errors={errors} />
        <form method="post" action="/login" class="stack" novalidate>
          <input type="hidden" name="next" value={next ?? '/'} />
          <Field label={m.auth.email} name="email" error={errors?.email}>
            <input id="f-email" name="email" type="email" autocomplete="username" required value={values?.email ?? ''} />
          </Field>
          <Field label={m.auth.password} name="password" error={errors?.password}>
            <input id="f-password" name="password" type="password" autocomplete="current-password" required />
          </Field>
          <button type="submit" class="button button-primary">{m.auth.loginButton}</button>
        </form>
        <p class="muted small"><a href="/password-reset">{m.passwordReset.forgotLink}</a></p>
        <p class="muted small">{m.auth.noAccount} <a href="/signup">{m.nav.signUp}</a></p>
        {demo ? <p class="muted small">{m.auth.demoHint}</p> : null}
      </section>
    </Layout>
  );
}

export function SignupPage({ errors, values }: { errors?: FieldErrors; values?: Record<string, string> }) {
  return (
    <Layout title={m.auth.signupTitle} user={null}>
      <section class="card narrow">
        <h1>{m.auth.signupTitle}</h1>
        <p class="muted">{m.auth.signupIntro}</p>
        <FormErrors errors={errors} />
        <form method="post" action="/signup" class="stack" novalidate>
          <Field label={m.auth.name} name="name" error={errors?.name}>
            <input id="f-name" name="name" autocomplete="name" required value={values?.name ?? ''} />
          </Field>
          <Field label={m.auth.email} name="email" error={errors?.email}>
            <input id="f-email" name="email" type="email" autocomplete="username" required value={values?.email ?? ''} />
          </Field>
          <Field label={m.auth.password} name="password" error={errors?.password} hint={m.auth.passwordHint}>
            <input id="f-password" name="password" type="password" autocomplete="new-password" minlength={10} required />
          </Field>
          <Field label={m.auth.teamName} name="teamName" error={errors?.teamName} hint={m.auth.teamHint}>
            <input id="f-teamName" name="teamName" required value={values?.teamName ?? ''} />
          </Field>
          <button type="submit" class="button button-primary">{m.auth.signupButton}</button>
        </form>
        <p class="muted small">{m.auth.haveAccount} <a href="/login">{m.nav.signIn}</a></p>
      </section>
    </Layout>
  );
}
