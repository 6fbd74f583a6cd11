import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { LoginPage, SignupPage } from '../../views/pages/auth.js';
import { html } from '../../views/render.js';
import { formFields, formValidator } from '../forms.js';
import { LoginSchema, SignupSchema } from '../schemas/accounts.js';
import { createSession, endSession, signIn, signup } from '../services/accounts.js';
import { clearSessionCookie, writeSessionCookie } from '../security/session-cookie.js';
import { clientAddress } from '../security/client-address.js';
import { AppError, RetryLater } from '../errors.js';
import { m } from '../../views/messages/index.js';
import { demoLoginInForce } from '../content/demo-login.js';

// Only local paths: an open redirect through ?next= would lend our name to phishing.
const safeNext = (next: string | undefined) => (next && /^\/(?!\/)[\w\-/?=&%.#]*$/.test(next) ? next : '/');

/** The sign-in page points to the demo login only while start-up prints it (SEED_DEMO on, default password). */
const demoShown = async (c: Context<AppEnv>) => c.get('env').SEED_DEMO === '1' && (await demoLoginInForce(c.get('db'))) !== null;

const startSession = writeSessionCookie;

const loginForm = formValidator(LoginSchema, async (c, errors, values) => html(c, <LoginPage errors={errors} values={values} next={safeNext(values.next)} demo={await demoShown(c)} />, 422));
const signupForm = formValidator(SignupSchema, (c, errors, values) => html(c, <SignupPage errors={errors} values={values} />, 422));

/** Sign-in, sign-up and sign-out pages. */
export const authPages = new Hono<AppEnv>()
  .get('/login', async (c) => {
    if (c.get('user')) return c.redirect('/', 303);
    const notice = c.req.query('reset') === 'done' ? m.passwordReset.done : undefined;
    return html(c, <LoginPage next={safeNext(c.req.query('next'))} demo={await demoShown(c)} notice={notice} />);
  })
  .post('/login', loginForm, async (c) => {
    const form = c.req.valid('form');
    const fields = await formFields(c);
    const next = safeNext(fields.next);
    const again = async (message: string, status: 422 | 429) => html(c, <LoginPage errors={{ _: message }} values={fields} next={next} demo={await demoShown(c)} />, status);
    let userId: number | null;
    try {
      userId = await signIn(c.get('db'), form.email, form.password, clientAddress(c));
    } catch (err) {
      if (!(err instanceof RetryLater)) throw err;
      c.header('Retry-After', String(err.retryAfter));
      return again(m.auth.tooManyAttempts(Math.ceil(err.retryAfter / 60)), 429);
    }
    if (userId === null) return again(m.auth.wrongCredentials, 422);
    startSession(c, await createSession(c.get('db'), userId));
    return c.redirect(next, 303);
  })
  .get('/signup', (c) => (c.get('user') ? c.redirect('/', 303) : html(c, <SignupPage />)))
  .post('/signup', signupForm, async (c) => {
    try {
      const { userId } = await signup(c.get('db'), c.req.valid('form'));
      startSession(c, await createSession(c.get('db'), userId));
    } catch (err) {
      if (err instanceof AppError && err.code === 'email_taken') return html(c, <SignupPage errors={{ email: m.auth.emailTaken }} values={await formFields(c)} />, 422);
      throw err;
    }
    return c.redirect('/', 303);
  })
  .post('/logout', async (c) => {
    const hash = c.get('sessionHash');
    if (hash) await endSession(c.get('db'), hash);
    clearSessionCookie(c);
    return c.redirect('/login', 303);
  });
