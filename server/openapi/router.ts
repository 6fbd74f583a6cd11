import { OpenAPIHono, createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { apiHook, apiValid } from '../validation.js';
import { accessGate } from '../access.js';
import { ROLES, can, type Action } from '../domain/permissions.js';

type OpenApiArgs = Parameters<OpenAPIHono<AppEnv>['openapi']>;

/** The zod schema of a route's JSON body, if it has one. */
const jsonSchemaOf = (route: RouteConfig) => {
  const media = route.request?.body?.content['application/json'];
  const schema = media && 'schema' in media ? media.schema : undefined;
  return schema && typeof (schema as { safeParse?: unknown }).safeParse === 'function' ? (schema as Parameters<typeof apiValid>[1]) : undefined;
};

/** A route's own middleware as a list. */
const middlewareOf = (route: RouteConfig): MiddlewareHandler[] =>
  route.middleware === undefined ? [] : Array.isArray(route.middleware) ? [...route.middleware] : [route.middleware as MiddlewareHandler];

/**
 * An OpenAPIHono for one URL prefix: every route is tagged `tag` in the document, query and path
 * failures go through the API's one hook (400 with `fields`), and JSON bodies are checked by
 * apiValid as before (400 `unsupported_content_type` for another content type) instead of the
 * library's media-type gate, which would answer 415 for some JSON types Hono accepts.
 */
export function apiRouter(tag: string) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: apiHook });
  const register = app.openapi;
  app.openapi = ((route: OpenApiArgs[0], handler: OpenApiArgs[1], hook?: OpenApiArgs[2]) => {
    const tagged = { ...route, tags: route.tags ?? [tag] };
    const body = jsonSchemaOf(tagged);
    if (!body) return register(tagged, handler, hook);
    const { middleware: _m, hide, ...documented } = tagged;
    if (!hide) app.openAPIRegistry.registerPath(documented);
    const { body: _, ...request } = tagged.request!;
    return register({ ...tagged, hide: true, request, middleware: [...middlewareOf(tagged), apiValid('json', body)] }, handler, hook);
  }) as typeof register;
  return app;
}

/** A route inside an evaluation: `access` names what the caller does there (domain/permissions.ts). */
export type ApiRouteConfig = RouteConfig & { access?: Action };

/**
 * createRoute with its responses typed loosely: handlers keep answering with plain `c.json()` /
 * `c.body()` (the documented success shapes describe them; they are not a second type contract),
 * while the request part keeps its types for `c.req.valid()`.
 *
 * With `access`, the evaluation's gate becomes the route's first middleware, ahead of every
 * validator (authorisation before validation: a stranger gets 404, a role that may not act 403,
 * never a 400 describing the body), and the document names the action (`x-permission`) and the
 * roles it lets through (`x-roles`).
 */
export const apiRoute = <R extends ApiRouteConfig>({ access, ...config }: R) => {
  const gated = access === undefined ? config : {
    ...config,
    'x-permission': access,
    'x-roles': ROLES.filter((role) => can(role, access)),
    middleware: [accessGate(access), ...middlewareOf(config)],
  };
  return createRoute(gated) as Omit<R, 'responses' | 'access'> & { responses: RouteConfig['responses'] };
};
