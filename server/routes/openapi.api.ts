import { Hono } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { apiDocument } from '../openapi/document.js';

/** /api/v1/openapi.json — the API's own description, generated from the routes' zod schemas; public. */
export const openapiApi = (root: OpenAPIHono<AppEnv>) => new Hono<AppEnv>().get('/', (c) => c.json(apiDocument(root)));
