import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { can, isWrite, type Action } from './domain/permissions.js';
import { evaluationForMember } from '../db/queries/evaluations.js';
import { isApprover } from '../db/queries/decisions.js';
import type { Actor } from './actor.js';
import { conflict, forbidden, notFound, unauthorized } from './errors.js';
import { parseId } from './ids.js';
import { m } from '../views/messages/index.js';

export type { Actor } from './actor.js';

/**
 * One pass through the gate: the route as Hono names it (`c.req.routePath`: the pattern,
 * `/evaluations/:id/vendors/:vid`), the action it checks, and whether the gate let the caller in.
 */
export interface AccessCheck { method: string; path: string; action: Action; granted: boolean }

const accessListeners = new Set<(check: AccessCheck) => void>();

/**
 * Tells `listener` the action every evaluation route checks, as it checks it: the pages call the
 * gate from their handlers or from pageAccess, so the action a page needs is known from its own
 * call rather than from a list kept beside it (test/http/access-matrix.test.ts reads it this way).
 * Returns the function that stops listening.
 */
export function observeAccessChecks(listener: (check: AccessCheck) => void): () => void {
  accessListeners.add(listener);
  return () => accessListeners.delete(listener);
}

/**
 * The one gate for everything inside an evaluation: 404 unless the caller is a member (another
 * team's evaluation must look absent), 403 when their role does not allow `action`, 409 for any
 * write once the evaluation is decided.
 */
export async function accessEvaluation(c: Context<AppEnv>, action: Action): Promise<Actor> {
  if (accessListeners.size === 0) return gate(c, action);
  const tell = (granted: boolean) => { for (const listener of accessListeners) listener({ method: c.req.method, path: c.req.routePath, action, granted }); };
  try {
    const actor = await gate(c, action);
    tell(true);
    return actor;
  } catch (e) {
    tell(false);
    throw e;
  }
}

async function gate(c: Context<AppEnv>, action: Action): Promise<Actor> {
  const user = c.get('user');
  if (!user) throw unauthorized();
  const id = parseId(c.req.param('id'));
  const access = id === null ? undefined : await evaluationForMember(c.get('db'), id, user.id);
  if (!access) throw notFound('evaluation');
  if (!can(access.role, action)) throw forbidden();
  if (action === 'approve' && !(await isApprover(c.get('db'), access.evaluation.id, user.id))) throw forbidden(m.errors.approversOnly);
  if (isWrite(action) && access.evaluation.status === 'decided') {
    throw conflict('evaluation_locked', m.errors.locked);
  }
  return { ...access, userId: user.id };
}

/**
 * The gate as a route's first middleware: it runs before the route's validators, so a stranger gets
 * 404 and a role that may not act gets 403 without learning what the route accepts (authorisation
 * before validation). The handler finds the Actor in `c.var.actor`.
 */
export const accessGate = (action: Action): MiddlewareHandler<AppEnv> => async (c, next) => {
  c.set('actor', await accessEvaluation(c, action));
  await next();
};
