import { z } from '@hono/zod-openapi';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { readRoute } from '../openapi/specs.js';
import { auditFilterAsSeen } from '../read-models/audit-visibility.js';
import { AUDIT_MAX_LIMIT, auditBound, searchAudit, type AuditFilter, type AuditRow } from '../../db/queries/audit-search.js';
import { eachReadableAudit, parseAuditJson, readableAudit, type ReadableAuditRow } from '../read-models/audit-log.js';
import { m } from '../../views/messages/index.js';

export { parseAuditJson } from '../read-models/audit-log.js';

/** Who made the change: null for system entries without an actor. */
export const auditActor = (r: Pick<AuditRow, 'actor_id' | 'actor_name' | 'actor_email'>): { id: string; name: string; email: string } | null =>
  r.actor_id === null ? null : { id: String(r.actor_id), name: r.actor_name ?? '', email: r.actor_email ?? '' };

/** One entry as API.md's audit answer lists it, plus its sentence and names (issue 11). */
export const auditEntryJson = (r: ReadableAuditRow) => ({
  at: r.at,
  actor: auditActor(r),
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  before: parseAuditJson(r.before),
  after: parseAuditJson(r.after),
  summary: r.summary,
  summarySource: r.summarySource,
  names: r.names,
});

/** An optional query value; an empty one (`?action=`) means no filter. */
const text = (max: number) =>
  z.string().trim().max(max, { error: () => m.validation.atMostChars(max) }).optional().transform((v) => (v ? v : undefined));

const bound = (side: 'from' | 'to') =>
  text(40).refine((v) => v === undefined || auditBound(v, side) !== null, { error: () => m.validation.auditBound });

/** The limit's message, made when a request is checked (in its language). */
const limitError = () => m.validation.wholeNumberFromTo(1, AUDIT_MAX_LIMIT);

const cursorId = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, { error: () => m.validation.notCursor })
  .optional()
  .transform((v) => (v === undefined ? undefined : Number(v)));

export const AuditQuerySchema = z.object({
  action: text(60),
  entity: text(60),
  actor: cursorId,
  from: bound('from'),
  to: bound('to'),
  q: text(160),
  limit: z.coerce.number({ error: limitError }).int({ error: limitError }).min(1, { error: limitError }).max(AUDIT_MAX_LIMIT, { error: limitError }).optional(),
  after: cursorId,
});

/** The validated query as a filter (bounds already checked, so auditBound cannot fail here). */
export const auditFilterOf = (q: z.infer<typeof AuditQuerySchema>): AuditFilter => ({
  action: q.action,
  entity: q.entity,
  actorId: q.actor,
  from: q.from ? (auditBound(q.from, 'from') ?? undefined) : undefined,
  to: q.to ? (auditBound(q.to, 'to') ?? undefined) : undefined,
  q: q.q,
});

const Entry = z.object({
  at: z.string(), actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable().openapi({ description: 'Null for system entries.' }),
  action: z.string(), entity: z.string(), entityId: z.string(), before: z.unknown(), after: z.unknown(),
  summary: z.string().openapi({ description: 'The entry in one sentence, naming the actor and the objects as they were, with before → after.', example: 'Eve Evaluator scored Medallia on Cross-channel journey orchestration: – → 4' }),
  summarySource: z.enum(['recorded', 'reconstructed']).openapi({ description: '`recorded`: written with the entry, names as they were then. `reconstructed`: an entry older than summaries, described now with today\'s names.' }),
  names: z.object({ actor: z.string(), vendor: z.string(), criterion: z.string(), member: z.string(), weightSet: z.string() }).partial()
    .openapi({ description: 'The names the entry mentions, as they were; `member` is whom the actor acted for or on, when not themselves.' }),
});

const search = readRoute({
  access: 'audit', summary: 'The audit log, oldest first (facilitator, observer)', query: AuditQuerySchema,
  success: ok('Every matching entry; with `limit` one page, and `next` (pass it as `after`) when more follow.', z.object({ entries: z.array(Entry), next: z.string().optional() })),
});

/**
 * GET /api/v1/evaluations/:id/audit — `{entries: [...]}` oldest first (facilitator and observer).
 * Optional filters: action, entity, actor (user id), from/to (date or timestamp), q (text).
 * Without `limit` every matching entry is returned; with `limit` (≤ 200) one page, plus
 * `next` (pass it as `after`) when more entries follow.
 */
export const auditApi = apiRouter('Audit').openapi(search, async (c) => {
  const { evaluation } = c.var.actor;
  const query = c.req.valid('query');
  const db = c.get('db');
  const filter = await auditFilterAsSeen(db, c.var.actor, auditFilterOf(query));
  if (query.limit === undefined && query.after === undefined) {
    const entries = [];
    for await (const r of eachReadableAudit(db, evaluation.id, filter)) entries.push(auditEntryJson(r));
    return c.json({ entries });
  }
  const { rows, more } = await searchAudit(db, evaluation.id, filter, { limit: query.limit ?? AUDIT_MAX_LIMIT, afterId: query.after });
  const last = rows[rows.length - 1];
  const readable = await readableAudit(db, evaluation.id, rows);
  return c.json({ entries: readable.map(auditEntryJson), ...(more && last ? { next: String(last.id) } : {}) });
});
