import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import type { Action } from '../domain/permissions.js';
import type { EvaluationNav, Tab } from '../../views/layout.js';
import { accessEvaluation } from '../access.js';

/** accessEvaluation plus what the layout needs to draw the evaluation's tab bar. */
export async function evaluationPage(c: Context<AppEnv>, tab: Tab, action: Action = 'read') {
  const access = await accessEvaluation(c, action);
  const e = access.evaluation;
  const deadline = e.status === 'voting' ? e.voting_deadline : e.status === 'scoring' ? e.scoring_deadline : null;
  const nav: EvaluationNav = { id: e.id, name: e.name, status: e.status, role: access.role, active: tab, ...(deadline ? { deadline } : {}) };
  return { ...access, nav, user: c.get('user')!, db: c.get('db') };
}

/** What every evaluation page handler works with: access, the tab bar, the user and the database. */
export type EvaluationPage = Awaited<ReturnType<typeof evaluationPage>>;

/** The context of a handler behind pageAccess: the evaluation page is in `c.var.page`. */
export type PageEnv = AppEnv & { Variables: { page: EvaluationPage } };

/** Middleware that loads the page (and so checks access) before anything after it, a form's validation included. */
export function pageFrom(load: (c: Context<AppEnv>) => Promise<EvaluationPage>): MiddlewareHandler<PageEnv> {
  return async (c, next) => {
    c.set('page', await load(c as unknown as Context<AppEnv>));
    await next();
  };
}

/** pageFrom(evaluationPage): the usual access check and tab bar, as middleware. */
export const pageAccess = (tab: Tab, action: Action = 'read') => pageFrom((c) => evaluationPage(c, tab, action));
