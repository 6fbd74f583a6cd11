import type { FieldErrors } from '../../server/errors.js';
import { Field, FormErrors, Layout } from '../layout.js';
import { m } from '../messages/index.js';
import { currentLocale } from '../../server/i18n/current.js';

/** Read through `m` so the text is in the request's language (ADR 034). */
const t = m.invitations;

/** The language the link brought, kept by the form so a refused try answers in the same language. */
const linkQuery = () => `?lang=${currentLocale()}`;

/** The join link's page: choose a name and a password, then land in the evaluation. */
export function JoinPage({ token, evaluation, email, errors, values }: { token: string; evaluation: string; email: string; errors?: FieldErrors; values?: Record<string, string> }) {
  return (
    <Layout title={t.joinTitle} user={null}>
      <section class="card narrow">
        <h1>{t.joinTitle}</h1>
        <p class="muted break-anywhere">{t.joinIntro(evaluation, email)}</p>
        <FormErrors errors={errors} />
        <form method="post" action={`/join/${token}${linkQuery()}`} class="stack" novalidate>
          <Field label={t.name} name="name" error={errors?.name}>
            <input id="f-name" name="name" autocomplete="name" required value={values?.name ?? ''} />
          </Field>
          <Field label={t.password} name="password" error={errors?.password} hint={t.passwordHint}>
            <input id="f-password" name="password" type="password" autocomplete="new-password" minlength={10} required />
          </Field>
          <button type="submit" class="button button-primary">{t.joinButton}</button>
        </form>
      </section>
    </Layout>
  );
}

export type DeadLinkState = 'used' | 'expired' | 'revoked' | 'unknown' | 'existing';
/** A function, not a constant: the text must be read in the request's language. */
const text = (state: DeadLinkState): [string, string] => ({
  used: [t.usedTitle, t.used], expired: [t.expiredTitle, t.expired], revoked: [t.revokedTitle, t.revoked], unknown: [t.unknownTitle, t.unknown], existing: [t.joinTitle, t.existingAccount],
} satisfies Record<DeadLinkState, [string, string]>)[state];

/** A link that no longer opens anything says which case it is, and what to do. */
export function JoinLinkPage({ state }: { state: DeadLinkState }) {
  const [title, body] = text(state);
  return (
    <Layout title={title} user={null}>
      <section class="card narrow">
        <h1>{title}</h1>
        <p>{body}</p>
        <p><a class="button" href="/login">{t.signIn}</a></p>
      </section>
    </Layout>
  );
}
