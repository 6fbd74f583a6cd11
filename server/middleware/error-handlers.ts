import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context.js';
import { describeError, RetryLater, type FieldErrors } from '../errors.js';
import { renderErrorPage } from '../../views/pages/error.js';
import { m } from '../../views/messages/index.js';

const wantsJson = (path: string, accept: string | undefined) =>
  path.startsWith('/api/') || /\.json$/.test(path) || (!!accept && accept.includes('application/json') && !accept.includes('text/html'));

/** API.md's `{"error": {code, message, fields?}}` for API callers, an error page for browsers. */
function respond(c: Context<AppEnv>, e: { status: ContentfulStatusCode; code: string; message: string; fields?: FieldErrors }) {
  if (wantsJson(c.req.path, c.req.header('accept'))) {
    return c.json({ error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } }, e.status);
  }
  return c.html(renderErrorPage(c, e.status, e.message), e.status);
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  respond(c, { status: 404, code: 'not_found', message: m.errors.nothingHere });

/** The one place a thrown error becomes an HTTP answer (AppError → its status; anything else → 500, logged). */
export const errorHandler: ErrorHandler<AppEnv> = (err, c) => {
  const e = describeError(err);
  if (e.status >= 500) c.get('log').error({ err }, 'unexpected error');
  if (err instanceof RetryLater) c.header('Retry-After', String(err.retryAfter));
  return respond(c, e);
};
