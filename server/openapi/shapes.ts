import { z } from '@hono/zod-openapi';

/** API.md's error shape, the one schema component every error response refers to. */
export const ApiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ description: 'A stable machine code, e.g. `validation_failed`, `not_found`, `evaluation_locked`.', example: 'validation_failed' }),
      message: z.string().openapi({ description: 'A sentence for people.', example: 'The request did not pass validation.' }),
      fields: z.record(z.string(), z.string()).optional().openapi({ description: 'Validation failures only: field path → message.', example: { name: 'Required.' } }),
    }),
  })
  .openapi('Error');

/** What each error status means across the API; routes list the ones they can really answer. */
const ERROR_MEANING = {
  400: 'The request did not pass validation (`validation_failed`, with `fields`), or its body is not JSON (`unsupported_content_type`).',
  401: 'Nobody is signed in, or the Bearer token is missing, malformed, unknown or revoked (`unauthorized`).',
  403: 'Your role in this evaluation does not allow that (`forbidden`).',
  404: 'The evaluation, or the thing named in the path, does not exist or is not visible to you (`not_found`).',
  409: 'The evaluation is not in a state that allows it, e.g. decided and locked (`evaluation_locked`) or a name already taken.',
  413: 'The request body is too large (`payload_too_large`).',
  429: 'Too many attempts or jobs; come back after the seconds in `Retry-After` (`too_many_requests`).',
} as const;

export type ErrorStatus = keyof typeof ERROR_MEANING;

/** Error responses for a route, each pointing at the shared `Error` component. */
export function errors(...statuses: ErrorStatus[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_MEANING[s], content: { 'application/json': { schema: ApiErrorSchema } } }]),
  ) as Record<ErrorStatus, { description: string; content: { 'application/json': { schema: typeof ApiErrorSchema } } }>;
}

/** The errors of an evaluation's read route: nobody signed in, not visible, role not allowed. */
export const READ_ERRORS = [401, 403, 404] as const;
/** …and of a write route: its body may be invalid and a decided evaluation refuses every write. */
export const WRITE_ERRORS = [400, 401, 403, 404, 409] as const;

/** A JSON success response; without a schema the body is only described. */
export const ok = (description: string, schema?: z.ZodType) =>
  schema ? { description, content: { 'application/json': { schema } } } : { description };

export const NO_CONTENT = { description: 'Done; no body.' } as const;

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true as const });

/** A path id. Documented only: a malformed one is "not found" (404) as before, so it never fails validation here. */
const PathId = z.string().openapi({ description: 'A numeric id, as the API returns it (a string of digits).', example: '42' });

/** Path parameters by name: the evaluation's `id` and any others of the route. */
export const pathParams = <const N extends string>(...names: N[]) =>
  z.object(Object.fromEntries(names.map((n) => [n, PathId])) as Record<N, typeof PathId>);

/** The `{id}` of every route under /api/v1/evaluations/{id}. */
export const EvaluationParams = pathParams('id');

/** `{ "id": "…" }` as returned by creating something. */
export const CreatedId = z.object({ id: z.string() }).openapi('CreatedId');
