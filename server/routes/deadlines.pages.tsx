import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { Layout } from '../../views/layout.js';
import { DeadlinesCard } from '../../views/partials/deadlines.js';
import { html } from '../../views/render.js';
import { formValidator, type FormValues } from '../forms.js';
import { DeadlinesFormSchema, deadlinesFormInput } from '../schemas/forms/deadlines.js';
import { setDeadlines } from '../services/deadlines.js';
import { pageAccess, type PageEnv } from './page-access.js';
import type { FieldErrors } from '../errors.js';
import { m } from '../../views/messages/index.js';

/** Read through `m` so the text is in the request's language (ADR 034). */
const t = m.invitations;

/** A refused form comes back on its own page at the overview's address, so a reload does not resubmit. */
const renderInvalid = (c: Context<PageEnv>, errors: FieldErrors, values: FormValues) => {
  const p = c.var.page;
  c.header('HX-Push-Url', `/evaluations/${p.evaluation.id}`);
  return html(c, <Layout title={t.deadlinesTitle} user={p.user} evaluation={p.nav}><DeadlinesCard evaluation={p.evaluation} canManage errors={{ ...errors, _: t.badDate }} values={values} /></Layout>, 422);
};

/** POST /evaluations/:id/deadlines — the overview's deadlines form (facilitator). */
export const deadlinesPages = new Hono<AppEnv>()
  .post('/', pageAccess('overview', 'edit'), formValidator(DeadlinesFormSchema, renderInvalid, deadlinesFormInput), async (c) => {
    const p = c.var.page;
    await setDeadlines(p.db, p, c.req.valid('form'));
    return c.redirect(`/evaluations/${p.evaluation.id}#deadlines`, 303);
  });
