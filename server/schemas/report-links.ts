import { z } from 'zod';
import { REPORT_LINK_MAX_DAYS } from '../domain/rules/report-access.js';

/** POST /report-links: how long the link lives, in whole days (default 14). */
export const ReportLinkCreateSchema = z.object({
  expiresInDays: z.number({ error: 'expiresInDays is a whole number of days.' }).int({ error: 'expiresInDays is a whole number of days.' })
    .min(1, { error: 'At least 1 day.' }).max(REPORT_LINK_MAX_DAYS, { error: `At most ${REPORT_LINK_MAX_DAYS} days.` }).optional(),
});

/** The page form's version: the same bound, sent as text. */
export const ReportLinkFormSchema = z.object({
  expiresInDays: z.coerce.number({ error: 'Give a number of days.' }).int({ error: 'Give a whole number of days.' })
    .min(1, { error: 'At least 1 day.' }).max(REPORT_LINK_MAX_DAYS, { error: `At most ${REPORT_LINK_MAX_DAYS} days.` }),
});

/** A new link: the only time its URL (and so its token) is shown. */
export const ReportLinkCreatedSchema = z.object({ id: z.string(), url: z.string(), expiresAt: z.string() });

export const ReportLinkRowSchema = z.object({
  id: z.string(), createdAt: z.string(), createdBy: z.string().nullable(), expiresAt: z.string(), revokedAt: z.string().nullable(),
  state: z.enum(['live', 'expired', 'revoked']), uses: z.number().int(), lastUsedAt: z.string().nullable(),
});
export const ReportLinkListSchema = z.object({ links: z.array(ReportLinkRowSchema) });
