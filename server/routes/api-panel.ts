import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { apiValid } from '../validation.js';
import { AssignmentSchema, ExclusionSchema } from '../schemas/panel.js';
import { accessEvaluation } from '../access.js';
import { addAssignment, excludeEvaluator, liftExclusion, panelProgress, removeAssignment, removeMember } from '../services/panel-admin.js';
import { parseId } from '../ids.js';
import { forbidden, notFound } from '../errors.js';

const id = (raw: string | undefined, what: string) => {
  const n = parseId(raw);
  if (n === null) throw notFound(what);
  return n;
};

/** /api/v1/evaluations/:id — the panel: members, exclusions, assignments and progress. */
export const apiPanel = new Hono<AppEnv>()
  .get('/:id/panel', async (c) => {
    const a = await accessEvaluation(c, 'read');
    if (a.role !== 'facilitator' && a.role !== 'observer') throw forbidden('Only the facilitator and observers see the panel’s progress.');
    const rows = await panelProgress(c.get('db'), a.evaluation.id);
    return c.json({
      members: rows.map((r) => ({
        userId: String(r.id), name: r.name, email: r.email, role: r.role, group: r.group_name, declared: r.declaration !== null, conflict: r.declaration?.conflict ?? null,
        submittedAt: r.submittedAt, scored: r.scored, assigned: r.assigned, excludedFrom: r.exclusions.map((x) => String(x.vendor_id)),
      })),
    });
  })
  .delete('/:id/members/:userId', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await removeMember(c.get('db'), a, id(c.req.param('userId'), 'The member'));
    return c.body(null, 204);
  })
  .post('/:id/exclusions', apiValid('json', ExclusionSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await excludeEvaluator(c.get('db'), a, c.req.valid('json'));
    return c.json(c.req.valid('json'), 201);
  })
  .delete('/:id/exclusions/:userId/:vendorId', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await liftExclusion(c.get('db'), a, id(c.req.param('userId'), 'The exclusion'), id(c.req.param('vendorId'), 'The exclusion'));
    return c.body(null, 204);
  })
  .post('/:id/assignments', apiValid('json', AssignmentSchema), async (c) => {
    const a = await accessEvaluation(c, 'edit');
    return c.json({ id: String(await addAssignment(c.get('db'), a, c.req.valid('json'))) }, 201);
  })
  .delete('/:id/assignments/:assignmentId', async (c) => {
    const a = await accessEvaluation(c, 'edit');
    await removeAssignment(c.get('db'), a, id(c.req.param('assignmentId'), 'The assignment'));
    return c.body(null, 204);
  });
