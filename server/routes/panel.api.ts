import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { accessEvaluation } from '../access.js';
import { panelProgress } from '../services/panel-admin.js';
import { forbidden } from '../errors.js';

/** GET /api/v1/evaluations/:id/panel — each member's declaration, assignments and scoring progress. */
export const panelApi = new Hono<AppEnv>().get('/', async (c) => {
  const a = await accessEvaluation(c, 'read');
  if (a.role !== 'facilitator' && a.role !== 'observer') throw forbidden('Only the facilitator and observers see the panel’s progress.');
  const rows = await panelProgress(c.get('db'), a.evaluation.id);
  return c.json({
    members: rows.map((r) => ({
      userId: String(r.id), name: r.name, email: r.email, role: r.role, group: r.group_name, declared: r.declaration !== null, conflict: r.declaration?.conflict ?? null,
      submittedAt: r.submittedAt, scored: r.scored, assigned: r.assigned, excludedFrom: r.exclusions.map((x) => String(x.vendor_id)),
    })),
  });
});
