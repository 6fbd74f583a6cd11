import { z } from '@hono/zod-openapi';
import { agreementReport } from '../read-models/agreement.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute } from '../openapi/specs.js';
import { BIG_ANSWER_ROWS, jsonStream } from '../json-in-steps.js';

const Agreement = z.object({
  kendallW: z.record(z.string(), z.number().nullable()).openapi({ description: 'Criterion id → Kendall’s W (0 = no agreement, 1 = full).' }),
  disagreements: z.array(z.object({ vendorId: z.string(), criterionId: z.string(), spread: z.number() })),
});

const read = readRoute({
  access: 'read', summary: 'How far the evaluators agree (those who see the team’s scores; everyone from review on)',
  success: ok('Kendall’s W per criterion and the cells where scores spread most.', Agreement),
});

/** GET /api/v1/evaluations/:id/agreement — how far the evaluators agree (Kendall's W, spread per cell). */
export const agreementApi = apiRouter('Agreement').openapi(read, async (c) => {
  // Disagreement shown early makes panels converge out of politeness: the read model refuses it (403) to blind readers.
  const report = await agreementReport(c.get('db'), c.var.actor);
  // A landscape with 15 evaluators disagrees on 300,000 cells: 15 MB of JSON made in one go held the
  // event loop for 150 ms and more (issue 15, promise 1). Past BIG_ANSWER_ROWS it is written in
  // steps, the same bytes (json-in-steps.ts).
  if (report.disagreements.length > BIG_ANSWER_ROWS) return c.body(jsonStream(report), 200, { 'content-type': 'application/json' }) as never;
  return c.json(report);
});
