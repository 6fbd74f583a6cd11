import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { m } from '../views/messages/index.js';

/** Field name → human message, as API.md's error shape carries it. */
export type FieldErrors = Record<string, string>;

/**
 * An expected failure with a machine code, rendered by the one onError handler as
 * API.md's `{"error": {code, message, fields?}}` or as an HTML error page. A plain Error, so the
 * domain and services can throw it without knowing about Hono.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}

/** A 429 that says when to come back (`Retry-After`, in seconds): a cap on heavy work, say (ADR 017). */
export class RetryLater extends AppError {
  constructor(message: string, readonly retryAfter: number, code = 'too_many_requests') {
    super(429, code, message);
  }
}

export const badRequest = (message: string, fields?: FieldErrors) => new AppError(400, 'validation_failed', message, fields);
/** A score (or consensus) on a criterion that has sub-criteria: API.md's 400 `not_a_leaf`, naming the field. */
export const notALeaf = (field = 'criterionId') =>
  new AppError(400, 'not_a_leaf', m.errors.notALeaf, { [field]: m.errors.notALeafField });
export const unauthorized = (message = m.errors.unauthorized) => new AppError(401, 'unauthorized', message);
export const forbidden = (message = m.errors.forbidden) => new AppError(403, 'forbidden', message);

/** What a 404 names; the sentence is made in the caller's language (views/messages/errors.ts). */
export type NotFoundWhat = 'that' | 'evaluation' | 'vendor' | 'criterion' | 'leaf' | 'member' | 'evaluator' | 'userWithEmail' | 'assignment'
  | 'exclusion' | 'invitation' | 'link' | 'group' | 'token' | 'import' | 'cell' | 'step' | 'weightSetVersion';
export const notFound = (what: NotFoundWhat = 'that') => new AppError(404, 'not_found', m.errors.notFound(what));
export const conflict = (code: string, message: string) => new AppError(409, code, message);

/** Maps any thrown value to status, code and message; never leaks a stack trace. Hono's own HTTPExceptions (csrf 403, bodyLimit 413) too. */
export function describeError(err: unknown): { status: ContentfulStatusCode; code: string; message: string; fields?: FieldErrors } {
  if (err instanceof AppError) return { status: err.status, code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) };
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = status === 413 ? 'payload_too_large' : status === 403 ? 'forbidden' : status === 401 ? 'unauthorized' : status === 400 ? 'bad_request' : 'error';
    const message = status === 413 ? m.errors.bodyTooLarge : err.message || m.errors.requestNotHandled;
    // API.md: a 400 names what is wrong; Hono's own (a body it could not parse) is about the body.
    return { status, code, message, ...(status === 400 ? { fields: { body: message } } : {}) };
  }
  // PostgreSQL's integer columns stop at 2^31 − 1 where SQLite's go to 2^63 (issue 13). The only
  // integers a request binds beyond that are ids the API accepts (up to 15 digits): no row has one.
  if ((err as { code?: unknown } | null)?.code === PG_NUMERIC_OUT_OF_RANGE) return { status: 404, code: 'not_found', message: m.errors.notFound('that') };
  return { status: 500, code: 'internal_error', message: m.errors.internal };
}

const PG_NUMERIC_OUT_OF_RANGE = '22003';
