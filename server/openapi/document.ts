import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';

export type ApiDocument = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>;

const INFO = {
  title: 'cxbench API',
  version: '1',
  description: [
    'Everything in cxbench is scriptable through this JSON API. Send `Authorization: Bearer <token>` (from `POST /api/v1/auth/signup` or `POST /api/v1/auth/token`); a signed-in browser session works too.',
    'Every error answers `{"error": {"code", "message", "fields?"}}` (the `Error` schema). Any request with a malformed or revoked Bearer token gets 401, any body over 12 MB gets 413, and an unexpected failure gets 500 `internal_error`.',
    'Ids are strings of digits; request bodies also accept them as numbers.',
  ].join('\n\n'),
};

const documents = new WeakMap<OpenAPIHono<AppEnv>, ApiDocument>();

/** The OpenAPI 3.1 document of every route registered on `app`, built once (the routes do not change after start-up). */
export function apiDocument(app: OpenAPIHono<AppEnv>): ApiDocument {
  const cached = documents.get(app);
  if (cached) return cached;
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'An API token.' });
  const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: INFO, security: [{ bearer: [] }] });
  documents.set(app, doc);
  return doc;
}
