import { z } from '@hono/zod-openapi';
import { panelProgress } from '../read-models/panel-progress.js';
import { forbidden } from '../errors.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute } from '../openapi/specs.js';
import { m } from '../../views/messages/index.js';

const Panel = z.object({
  members: z.array(z.object({
    userId: z.string(), name: z.string(), email: z.string(), role: z.string(), group: z.string().nullable(), declared: z.boolean(), conflict: z.boolean().nullable(),
    submittedAt: z.string().nullable(), scored: z.number(), assigned: z.number(), excludedFrom: z.array(z.string()),
  })),
});

const read = readRoute({ access: 'read', summary: 'Each member’s declaration, assignments and scoring progress (facilitator, observer)', success: ok('One row per member.', Panel) });

/** GET /api/v1/evaluations/:id/panel — each member's declaration, assignments and scoring progress. */
export const panelApi = apiRouter('Panel').openapi(read, async (c) => {
  const a = c.var.actor;
  if (a.role !== 'facilitator' && a.role !== 'observer') throw forbidden(m.errors.panelProgressOnly);
  const rows = await panelProgress(c.get('db'), a.evaluation.id);
  return c.json({
    members: rows.map((r) => ({
      userId: String(r.id), name: r.name, email: r.email, role: r.role, group: r.group_name, declared: r.declaration !== null, conflict: r.declaration?.conflict ?? null,
      submittedAt: r.submittedAt, scored: r.scored, assigned: r.assigned, excludedFrom: r.exclusions.map((x) => String(x.vendor_id)),
    })),
  });
});
