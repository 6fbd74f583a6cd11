import { z } from 'zod';
import { REPORT_LINK_MAX_DAYS } from '../domain/rules/report-access.js';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

/** POST /report-links: how long the link lives, in whole days (default 14). */
export const ReportLinkCreateSchema = z.object({
  expiresInDays: z.number({ error: () => v.expiresInDays }).int({ error: () => v.expiresInDays })
    .min(1, { error: () => v.atLeastOneDay }).max(REPORT_LINK_MAX_DAYS, { error: () => v.atMostDays(REPORT_LINK_MAX_DAYS) }).optional(),
});

/** The page form's version: the same bound, sent as text. */
export const ReportLinkFormSchema = z.object({
  expiresInDays: z.coerce.number({ error: () => v.daysNumber }).int({ error: () => v.daysWhole })
    .min(1, { error: () => v.atLeastOneDay }).max(REPORT_LINK_MAX_DAYS, { error: () => v.atMostDays(REPORT_LINK_MAX_DAYS) }),
});

/** A new link: the only time its URL (and so its token) is shown. */
export const ReportLinkCreatedSchema = z.object({ id: z.string(), url: z.string(), expiresAt: z.string() });

export const ReportLinkRowSchema = z.object({
  id: z.string(), createdAt: z.string(), createdBy: z.string().nullable(), expiresAt: z.string(), revokedAt: z.string().nullable(),
  state: z.enum(['live', 'expired', 'revoked']), uses: z.number().int(), lastUsedAt: z.string().nullable(),
});
export const ReportLinkListSchema = z.object({ links: z.array(ReportLinkRowSchema) });
