import type { z } from '@hono/zod-openapi';
import type { Action } from '../domain/permissions.js';
import { apiRoute } from './router.js';
import { CreatedId, NO_CONTENT, READ_ERRORS, WRITE_ERRORS, errors, jsonBody, ok, pathParams } from './shapes.js';

/**
 * The route specs of an evaluation's API, one builder per kind of operation, so a route file
 * states only what differs: the action, the summary, the success answer, a body or query. Each
 * kind answers its own error statuses (READ_ERRORS, WRITE_ERRORS), and the path parameters come
 * from the path: the evaluation's `id` (from the mount point) and any `{name}` in it.
 */
interface Spec {
  /** What the caller does in the evaluation; the gate checks it before any validator. */
  access: Action;
  summary: string;
  /** Below the router's mount point; `/` by default. */
  path?: string;
}

type Success = ReturnType<typeof ok>;

/** `id`, then each `{name}` of the path, as documented path parameters. */
const paramsOf = (path: string) => pathParams('id', ...[...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((n) => n !== 'id'));

type Params = ReturnType<typeof paramsOf>;

/** `{id}` as returned by creating something: the success answer of most creating routes. */
export const CREATED = ok('Created.', CreatedId);

/** GET: answers `success`; with a `query`, a bad one answers 400. */
export const readRoute = <Q extends z.ZodObject | undefined = undefined>({ access, summary, path = '/', query, success }: Spec & { query?: Q; success: Success }) =>
  apiRoute({
    access, method: 'get', path, summary,
    request: (query ? { params: paramsOf(path), query } : { params: paramsOf(path) }) as Q extends z.ZodObject ? { params: Params; query: Q } : { params: Params },
    responses: { 200: success, ...errors(...(query ? [400, ...READ_ERRORS] as const : READ_ERRORS)) },
  });

/** A change sent as a JSON `body`: answers `success` (status 200, or 201 when it creates something). */
export const writeRoute = <B extends z.ZodType>({ access, summary, path = '/', method, body, status = 200, success }: Spec & { method: 'post' | 'put' | 'patch'; body: B; status?: 200 | 201; success: Success }) =>
  apiRoute({
    access, method, path, summary,
    request: { params: paramsOf(path), body: jsonBody(body) },
    responses: { [status]: success, ...errors(...WRITE_ERRORS) },
  });

/** A POST without a body (a step such as handing in or reopening): nothing to validate, so no 400. */
export const actionRoute = ({ access, summary, path = '/', success }: Spec & { success: Success }) =>
  apiRoute({ access, method: 'post', path, summary, request: { params: paramsOf(path) }, responses: { 200: success, ...errors(401, 403, 404, 409) } });

/** DELETE of the thing the path names: 204 without a body. */
export const deleteRoute = ({ access, summary, path }: Spec & { path: string }) =>
  apiRoute({ access, method: 'delete', path, summary, request: { params: paramsOf(path) }, responses: { 204: NO_CONTENT, ...errors(...WRITE_ERRORS) } });
