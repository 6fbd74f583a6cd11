import type { Context } from 'hono';
import { StatusConfirmPage, type GuardedMove } from '../../views/pages/status-confirm.js';
import { html } from '../../views/render.js';
import { m } from '../../views/messages/index.js';
import type { Status } from '../domain/permissions.js';
import { statusCheck } from '../read-models/status-facts.js';
import { changeStatus } from '../services/status.js';
import { formFields, refusalOf } from '../forms.js';
import { notFound } from '../errors.js';
import type { EvaluationPage as Page } from './page-access.js';

/** Which guarded step `from → to` is, or null for a move that needs no confirmation page. */
export function guardedMove(from: Status, to: Status): GuardedMove | null {
  if (to === 'scoring' && from === 'voting') return 'closeVoting';
  if (to === 'scoring' && from === 'draft') return 'skipVoting';
  if (to === 'review' && from === 'scoring') return 'closeScoring';
  return null;
}

/** The confirmation page of moving `p`'s evaluation to `to`, with what is incomplete counted now. */
export async function renderStatusConfirm(c: Context, p: Page, to: Status, errors?: Record<string, string>, status: 200 | 409 | 422 = 200) {
  const move = guardedMove(p.evaluation.status, to);
  if (!move) throw notFound('step');
  const missing = await statusCheck(p.db, p, to);
  return html(c, <StatusConfirmPage user={p.user} nav={p.nav} evaluation={p.evaluation} to={to as 'scoring' | 'review'} move={move} missing={missing} errors={errors} />, status);
}

/**
 * A guarded status change sent by a form: without the ticked box the confirmation page comes back
 * (422); a refusal of the service (a hard gap, an unforced one) comes back on it too (409).
 */
export async function postGuardedStatus(c: Context, p: Page, to: Status) {
  const f = await formFields(c);
  if (f.confirm !== 'yes') return renderStatusConfirm(c, p, to, { _: m.guards.needsCheck }, 422);
  const refused = await refusalOf(() => changeStatus(p.db, p, to, { force: f.force === 'yes' }), [409]);
  if (refused) return renderStatusConfirm(c, p, to, { _: refused.message }, 409);
  return c.redirect(`/evaluations/${p.evaluation.id}`, 303);
}
