import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.js';
import { pageAccess, type PageEnv } from './page-access.js';
import { formValidator, refusalOf } from '../forms.js';
import { DeclarationFormSchema } from '../schemas/forms/scoring.js';
import { declare } from '../services/panel.js';
import { renderGrid } from './scoring-grid.js';

const declarationForm = formValidator(DeclarationFormSchema, (c: Context<PageEnv>, errors, values) => renderGrid(c, c.var.page, { errors, values }, 422));

/** POST /evaluations/:id/declaration — the conflict-of-interest declaration asked for above the scoring grid. */
export const declarationPages = new Hono<AppEnv>().post('/', pageAccess('scoring', 'score'), declarationForm, async (c) => {
  const p = c.var.page;
  const refused = await refusalOf(() => declare(p.db, p, c.req.valid('form')), [409]);
  // A late facilitator (panel_closed) reads why above the grid instead of an error page.
  if (refused) return renderGrid(c, p, { errors: refused.errors }, 409);
  return c.redirect(`/evaluations/${p.evaluation.id}/scoring`, 303);
});
