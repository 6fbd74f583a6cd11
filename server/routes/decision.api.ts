import { z } from '@hono/zod-openapi';
import { DecisionSchema } from '../schemas/decisions.js';
import { decide } from '../services/decision.js';
import { decisionRecord } from '../read-models/decision.js';
import { AppError } from '../errors.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute, writeRoute } from '../openapi/specs.js';
import { m } from '../../views/messages/index.js';

const Named = z.object({ vendorId: z.string(), name: z.string() });
const Person = z.object({ userId: z.string(), name: z.string() });

export const DecisionOut = z.object({
  vendorIds: z.array(z.string()).openapi({ description: 'The vendor or shortlist chosen.' }),
  vendors: z.array(Named).openapi({ description: 'The same vendors with their names.' }),
  reason: z.string().openapi({ description: 'Empty when the evaluation was decided by a bare status move.' }),
  decidedBy: z.object({ userId: z.string().nullable(), name: z.string() }),
  at: z.string().openapi({ description: 'ISO-8601 UTC.' }),
  via: z.enum(['decision', 'status']).openapi({ description: '`status`: decided with POST /status, which records the vendors ranked first and no reason.' }),
  acknowledgedProvisional: z.array(Named).openapi({ description: 'Vendors ranked provisionally at the decision, which the facilitator acknowledged; empty when none.' }),
  approvals: z.array(Person.extend({ verdict: z.enum(['approve', 'object']), comment: z.string(), at: z.string() })).openapi({ description: 'One verdict per approver, the latest.' }),
  pending: z.array(Person).openapi({ description: 'Approvers who have not given a verdict yet.' }),
}).openapi('Decision');

const read = readRoute({
  access: 'read', summary: 'The decision and its sign-off (404 `not_decided` before the evaluation is decided)', success: ok('The decision with the approvals.', DecisionOut),
});
const create = writeRoute({
  access: 'edit', method: 'post',
  summary: 'Decide: move from review to decided and record the vendor or shortlist and the reason (facilitator). 409 `provisional_vendors` names the provisionally ranked vendors unless `acknowledgeProvisional` is true; vendorIds outside this evaluation → 400.',
  body: DecisionSchema, success: ok('The decision as recorded.', DecisionOut),
});

const notDecided = () => new AppError(404, 'not_decided', m.errors.notDecidedYet);

/** /api/v1/evaluations/:id/decision — deciding, and reading the decision with its approvals. */
export const decisionApi = apiRouter('Decision')
  .openapi(read, async (c) => {
    const record = await decisionRecord(c.get('db'), c.var.actor.evaluation.id);
    if (!record) throw notDecided();
    return c.json(record);
  })
  .openapi(create, async (c) => {
    await decide(c.get('db'), c.var.actor, c.req.valid('json'));
    return c.json((await decisionRecord(c.get('db'), c.var.actor.evaluation.id))!);
  });
