import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { HomePage } from '../../views/pages/home.js';
import { LoginPage } from '../../views/pages/auth.js';
import { html } from '../../views/render.js';
import { evaluationsForUser } from '../../db/queries/evaluations.js';
import { checkForm, formFields, numberOrBlank } from '../forms.js';
import { NewEvaluationSchema } from '../schemas/evaluations.js';
import { createEvaluation } from '../services/evaluations.js';
import { requirePageUser } from '../middleware/auth.js';
import { forbidden } from '../errors.js';

/** The home page (your evaluations, or sign-in) and creating an evaluation from a form. */
export const homePages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = c.get('user');
    if (!user) return html(c, <LoginPage next="/" />);
    return html(c, <HomePage user={user} evaluations={await evaluationsForUser(c.get('db'), user.id)} />);
  })
  .post('/evaluations', requirePageUser, async (c) => {
    const user = c.get('user')!;
    if (user.teamId === null) throw forbidden('Only members of a team can create evaluations.');
    const fields = await formFields(c);
    const form = checkForm(NewEvaluationSchema, {
      name: fields.name,
      template: fields.template || undefined,
      scale: { min: numberOrBlank(fields.scaleMin) ?? 0, max: numberOrBlank(fields.scaleMax) ?? 5 },
    });
    if (!form.ok) {
      return html(c, <HomePage user={user} evaluations={await evaluationsForUser(c.get('db'), user.id)} errors={form.errors} values={fields} />, 422);
    }
    const e = await createEvaluation(c.get('db'), { id: user.id, teamId: user.teamId }, form.data);
    return c.redirect(`/evaluations/${e.id}`, 303);
  });
