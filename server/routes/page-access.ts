import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import type { Action } from '../domain/permissions.js';
import type { EvaluationNav, Tab } from '../../views/layout.js';
import { accessEvaluation } from '../access.js';

/** accessEvaluation plus what the layout needs to draw the evaluation's tab bar. */
export async function evaluationPage(c: Context<AppEnv>, tab: Tab, action: Action = 'read') {
  const access = await accessEvaluation(c, action);
  const nav: EvaluationNav = { id: access.evaluation.id, name: access.evaluation.name, status: access.evaluation.status, role: access.role, active: tab };
  return { ...access, nav, user: c.get('user')!, db: c.get('db') };
}

/** What every evaluation page handler works with: access, the tab bar, the user and the database. */
export type EvaluationPage = Awaited<ReturnType<typeof evaluationPage>>;
