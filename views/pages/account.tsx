import type { FieldErrors } from '../../server/errors.js';
import type { CurrentUser } from '../../server/context.js';
import { Field, FormErrors, Layout } from '../layout.js';
import { m } from '../messages/index.js';

/** The signed-in person's account: who they are, and the password change (issue 15, promise 7). */
export function AccountPage({ user, errors, changed }: { user: CurrentUser; errors?: FieldErrors; changed?: boolean }) {
  return (
    <Layout title={m.auth.accountTitle} user={user}>
      <section class="card narrow">
        <h1>{m.auth.accountTitle}</h1>
        <p class="muted">{m.auth.accountIntro} {user.name} ({user.email})</p>
        {changed ? <div class="alert alert-success" role="status">{m.auth.passwordChanged}</div> : null}
        <h2>{m.auth.passwordTitle}</h2>
        <p class="muted">{m.auth.passwordIntro}</p>
        <FormErrors errors={errors} />
        <form method="post" action="/account/password" class="stack" novalidate>
          <Field label={m.auth.currentPassword} name="currentPassword" error={errors?.currentPassword}>
            <input id="f-currentPassword" name="currentPassword" type="password" autocomplete="current-password" required />
          </Field>
          <Field label={m.auth.newPassword} name="newPassword" error={errors?.newPassword} hint={m.auth.passwordHint}>
            <input id="f-newPassword" name="newPassword" type="password" autocomplete="new-password" minlength={10} required />
          </Field>
          <button type="submit" class="button button-primary">{m.auth.passwordButton}</button>
        </form>
      </section>
    </Layout>
  );
}
