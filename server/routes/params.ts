import type { Context } from 'hono';
import { parseId } from '../ids.js';
import { notFound, type NotFoundWhat } from '../errors.js';

/** The id in URL parameter `name`; a malformed one is simply not found (`what` names it in the 404). */
export function idParam(c: Context, name: string, what: NotFoundWhat): number {
  const id = parseId(c.req.param(name));
  if (id === null) throw notFound(what);
  return id;
}
