import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { HomePage } from '../../views/pages/home.js';
import { LoginPage } from '../../views/pages/auth.js';
import { html } from '../../views/render.js';
import { evaluationsForUser } from '../../db/queries/evaluations.js';

/** GET / — the home page: your evaluations, or sign-in. */
export const homePages = new Hono<AppEnv>().get('/', async (c) => {
  const user = c.get('user');
  if (!user) return html(c, <LoginPage next="/" />);
  return html(c, <HomePage user={user} evaluations={await evaluationsForUser(c.get('db'), user.id)} />);
});
