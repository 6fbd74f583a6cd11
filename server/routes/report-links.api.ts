import { z } from 'zod';
import { ReportLinkCreateSchema, ReportLinkCreatedSchema, ReportLinkListSchema } from '../schemas/report-links.js';
import { createReportLink, listReportLinks, revokeReportLinkOf } from '../services/report-links.js';
import { idParam } from './params.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { deleteRoute, readRoute, writeRoute } from '../openapi/specs.js';

// Access 'audit' (facilitator and observers, and not a write, so a decided evaluation still gets
// links: that is when the board asks); the service narrows it to the facilitator (ADR 025).
const create = writeRoute({
  access: 'share', method: 'post', summary: 'Make a read-only link to the board report (facilitator; in review or decided)', body: ReportLinkCreateSchema, status: 201,
  success: ok('The new link: its URL is shown this once.', ReportLinkCreatedSchema),
});
const list = readRoute({ access: 'share', summary: 'The read-only links to the board report (facilitator)', success: ok('The links, newest first, without their tokens.', ReportLinkListSchema) });
const revoke = deleteRoute({ access: 'share', path: '/{linkId}', summary: 'Revoke a read-only link (facilitator)' });

/** /api/v1/evaluations/:id/report-links — read-only links to the board report for people without an account. */
export const reportLinksApi = apiRouter('Report links')
  .openapi(create, async (c) => {
    const link = await createReportLink(c.get('db'), c.var.actor, c.req.valid('json'));
    return c.json({ id: link.id, url: new URL(link.path, c.req.url).toString(), expiresAt: link.expiresAt } satisfies z.infer<typeof ReportLinkCreatedSchema>, 201);
  })
  .openapi(list, async (c) => c.json({ links: await listReportLinks(c.get('db'), c.var.actor) }))
  .openapi(revoke, async (c) => {
    await revokeReportLinkOf(c.get('db'), c.var.actor, idParam(c, 'linkId', 'link'));
    return c.body(null, 204);
  });
