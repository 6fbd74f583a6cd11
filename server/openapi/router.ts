import { OpenAPIHono, createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { apiHook, apiValid } from '../validation.js';

type Operation = Parameters<OpenAPIHono<AppEnv>['openapi']>;

/** The zod schema of a route's JSON body, if it has one. */
const jsonSchemaOf = (route: RouteConfig) => {
  const media = route.request?.body?.content['application/json'];
  const schema = media && 'schema' in media ? media.schema : undefined;
  return schema && typeof (schema as { safeParse?: unknown }).safeParse === 'function' ? (schema as Parameters<typeof apiValid>[1]) : undefined;
};

/**
 * An OpenAPIHono for one URL prefix: every route is tagged `tag` in the document, query and path
 * failures go through the API's one hook (400 with `fields`), and JSON bodies are checked by
 * apiValid as before (400 `unsupported_content_type` for another content type) instead of the
 * library's media-type gate, which would answer 415 for some JSON types Hono accepts.
 */
export function apiRouter(tag: string) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: apiHook });
  const register = app.openapi;
  app.openapi = ((route: Operation[0], handler: Operation[1], hook?: Operation[2]) => {
    const tagged = { ...route, tags: route.tags ?? [tag] };
    const body = jsonSchemaOf(tagged);
    if (!body) return register(tagged, handler, hook);
    const { middleware, hide, ...documented } = tagged;
    if (!hide) app.openAPIRegistry.registerPath(documented);
    const before = middleware === undefined ? [] : Array.isArray(middleware) ? middleware : [middleware];
    const { body: _, ...request } = tagged.request!;
    return register({ ...tagged, hide: true, request, middleware: [...(before as MiddlewareHandler[]), apiValid('json', body)] }, handler, hook);
  }) as typeof register;
  return app;
}

/**
 * createRoute with its responses typed loosely: handlers keep answering with plain `c.json()` /
 * `c.body()` (the documented success shapes describe them; they are not a second type contract),
 * while the request part keeps its types for `c.req.valid()`.
 */
export const apiRoute = <R extends RouteConfig>(config: R) => createRoute(config) as Omit<R, 'responses'> & { responses: RouteConfig['responses'] };
