import { Hono } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { apiDocument } from '../openapi/document.js';
import { referenceView } from '../openapi/reference.js';
import { html } from '../../views/render.js';
import { ApiReferencePage } from '../../views/pages/api-reference.js';

/** /api/v1/docs — the API reference, read from the generated document; public, no script needed. */
export const docsPages = (root: OpenAPIHono<AppEnv>) =>
  new Hono<AppEnv>().get('/', (c) => html(c, <ApiReferencePage view={referenceView(apiDocument(root))} user={c.get('user')} />));
