import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { LoginPage, SignupPage } from '../../views/pages/auth.js';
import { html } from '../../views/render.js';
import { formFields, formValidator } from '../forms.js';
import { LoginSchema, SignupSchema } from '../schemas/accounts.js';
import { authenticate, createSession, endSession, SESSION_DAYS, signup } from '../services/accounts.js';
import { SESSION_COOKIE } from '../middleware/auth.js';
import { AppError } from '../errors.js';
import { m } from '../../views/messages/index.js';
import { demoLoginInForce } from '../content/demo-login.js';

// Only local paths: an open redirect through ?next= would lend our name to phishing.
const safeNext = (next: string | undefined) => (next && /^\/(?!\/)[\w\-/?=&%.#]*$/.test(next) ? next : '/');

/** The sign-in page points to the demo login only while start-up prints it (SEED_DEMO on, default password). */
const demoShown = async (c: Context<AppEnv>) => c.get('env').SEED_DEMO === '1' && (await demoLoginInForce(c.get('db'))) !== null;

function startSession(c: Context<AppEnv>, secret: string) {
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true, sameSite: 'Lax', path: '/', secure: c.get('env').COOKIE_SECURE === '1', maxAge: SESSION_DAYS * 86_400,
  });
}

const loginForm = formValidator(LoginSchema, async (c, errors, values) => html(c, <LoginPage errors={errors} values={values} next={safeNext(values.next)} demo={await demoShown(c)} />, 422));
const signupForm = formValidator(SignupSchema, (c, errors, values) => html(c, <SignupPage errors={errors} values={values} />, 422));

/** Sign-in, sign-up and sign-out pages. */
export const authPages = new Hono<AppEnv>()
  .get('/login', async (c) => (c.get('user') ? c.redirect('/', 303) : html(c, <LoginPage next={safeNext(c.req.query('next'))} demo={await demoShown(c)} />)))
  .post('/login', loginForm, async (c) => {
    const form = c.req.valid('form');
    const fields = await formFields(c);
    const next = safeNext(fields.next);
    const userId = await authenticate(c.get('db'), form.email, form.password);
    if (userId === null) return html(c, <LoginPage errors={{ _: m.auth.wrongCredentials }} values={fields} next={next} demo={await demoShown(c)} />, 422);
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
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });
