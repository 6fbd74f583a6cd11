import type { Db } from '../../db/client.js';
import { countReportLinkUse, evaluationOfLink, insertReportLink, reportLinkByTokenHash, reportLinkOf, reportLinksOf, revokeReportLink } from '../../db/queries/report-links.js';
import { recordAudit } from '../../db/queries/audit.js';
import { auditAs } from './audit-as.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { REPORT_LINK_DAYS, reportFinal, reportLinkRefusal } from '../domain/rules/report-access.js';
import { hashSecret, newSecret } from '../security/tokens.js';
import { daysFromNow, nowIso } from '../time.js';
import type { Actor } from '../actor.js';
import { m } from '../../views/messages/index.js';

export const reportLinkPath = (token: string) => `/r/${token}`;

function refuse(a: Actor): void {
  const why = reportLinkRefusal(a.role, a.evaluation.status);
  if (why === 'facilitator_only') throw forbidden(m.errors.reportLinksFacilitatorOnly);
  if (why === 'not_yet') throw conflict('report_not_final', m.errors.reportLinksFromReview);
}

/** Makes a read-only link to the report; the token is returned once and only its hash is kept. One transaction with its audit entry. */
export async function createReportLink(db: Db, a: Actor, input: { expiresInDays?: number | undefined }) {
  refuse(a);
  const token = newSecret('cxr');
  const expiresAt = daysFromNow(input.expiresInDays ?? REPORT_LINK_DAYS);
  const id = await db.transaction().execute(async (trx) => {
    const at = nowIso();
    const linkId = await insertReportLink(trx, { evaluation_id: a.evaluation.id, token_hash: hashSecret(token), created_by: a.userId, created_at: at, expires_at: expiresAt, revoked_at: null, last_used_at: null });
    await auditAs(trx, a, 'create', 'report-link', linkId, undefined, { expiresAt });
    return linkId;
  });
  return { id: String(id), token, path: reportLinkPath(token), expiresAt };
}

/** Revokes a link of this evaluation (404 for another's); revoking twice is a no-op without a second entry. */
export async function revokeReportLinkOf(db: Db, a: Actor, id: number): Promise<void> {
  if (a.role !== 'facilitator') throw forbidden(m.errors.reportLinksFacilitatorOnly);
  await db.transaction().execute(async (trx) => {
    const link = await reportLinkOf(trx, a.evaluation.id, id);
    if (!link) throw notFound('link');
    if (await revokeReportLink(trx, id, nowIso())) await auditAs(trx, a, 'revoke', 'report-link', id, { expiresAt: link.expires_at });
  });
}

export type ReportLinkState = 'live' | 'expired' | 'revoked';
const stateOf = (l: { revoked_at: string | null; expires_at: string }, now: string): ReportLinkState => (l.revoked_at ? 'revoked' : l.expires_at <= now ? 'expired' : 'live');

/** The evaluation's links for the facilitator (never their tokens). */
export async function listReportLinks(db: Db, a: Actor) {
  if (a.role !== 'facilitator') throw forbidden(m.errors.reportLinksListFacilitatorOnly);
  const now = nowIso();
  return (await reportLinksOf(db, a.evaluation.id)).map((l) => ({
    id: String(l.id), createdAt: l.created_at, createdBy: l.created_by_name, expiresAt: l.expires_at, revokedAt: l.revoked_at,
    state: stateOf(l, now), uses: l.uses, lastUsedAt: l.last_used_at,
  }));
}

export type LinkOpening = { ok: true; actor: Actor } | { ok: false; state: ReportLinkState | 'unknown' };

/**
 * Opens a link: counts the use and writes its audit entry in one transaction, and gives the Actor
 * the report is built for. The reader has no account: they read as an observer would once the
 * evaluation is in review (everything the record holds, nothing to change), user id 0.
 */
export async function openReportLink(db: Db, token: string, format: 'html' | 'pdf'): Promise<LinkOpening> {
  const link = await reportLinkByTokenHash(db, hashSecret(token));
  if (!link) return { ok: false, state: 'unknown' };
  const evaluation = await evaluationOfLink(db, link.evaluation_id);
  if (!evaluation || !reportFinal(evaluation.status)) return { ok: false, state: 'unknown' };
  const counted = await db.transaction().execute(async (trx) => {
    const uses = await countReportLinkUse(trx, link.id, nowIso());
    if (uses !== null) await recordAudit(trx, { teamId: evaluation.team_id, evaluationId: evaluation.id, actorId: null, action: 'view', entity: 'report-link', entityId: link.id, after: { uses, format } });
    return uses;
  });
  if (counted === null) return { ok: false, state: stateOf(link, nowIso()) === 'live' ? 'revoked' : stateOf(link, nowIso()) };
  return { ok: true, actor: { evaluation, role: 'observer', userId: 0 } };
}
