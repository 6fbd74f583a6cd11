import { z } from '@hono/zod-openapi';
import { importLonglist } from '../services/vendor-import.js';
import { AppError, badRequest } from '../errors.js';
import { charsetOf } from '../validation.js';
import { m } from '../../views/messages/index.js';
import { limitBody } from '../middleware/body-limit.js';
import { readBodyInSteps } from '../middleware/read-body-in-steps.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { EvaluationParams, WRITE_ERRORS, errors, ok } from '../openapi/shapes.js';

/** The longest longlist file accepted: the whole MarTech landscape as CSV is a few MB. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

const CSV_TYPES = /^(?:text\/csv|text\/plain|application\/csv|text\/comma-separated-values|application\/vnd\.ms-excel)\s*(?:;|$)/i;

const ImportResult = z.object({
  created: z.number(), updated: z.number(),
  unchanged: z.number().openapi({ description: 'Accepted rows whose vendor already said the same (a re-import of the same file: all of them).' }),
  rejected: z.array(z.object({ line: z.number(), error: z.string() })).openapi({ description: 'Rows left out, by line number of the file.' }),
});

const importRoute = apiRoute({
  access: 'edit', method: 'post', path: '/', summary: 'Import a longlist CSV (facilitator); re-importing the same file creates nothing new',
  middleware: [
    limitBody(IMPORT_MAX_BYTES, () => new AppError(413, 'payload_too_large', m.errors.csvTooLarge)),
  ] as const,
  request: {
    params: EvaluationParams,
    body: {
      required: true,
      description: 'The file itself as the body (≤ 10 MB, ≤ 100,000 rows): a header row with at least a `name` column. UTF-8 unless the Content-Type names another charset or the file starts with a UTF-16 byte-order mark.',
      // Not a zod-validated body: the handler reads the bytes itself (charset, size, emptiness).
      content: { 'text/csv': { schema: { type: 'string' } } },
    },
  },
  responses: { 200: ok('What the import did.', ImportResult), ...errors(...WRITE_ERRORS, 413) },
});

/** POST /api/v1/evaluations/:id/vendors/import — a longlist CSV in, `{created, updated, rejected}` out. */
export const vendorsImportApi = apiRouter('Vendors').openapi(importRoute, async (c) => {
  const a = c.var.actor;
  const type = c.req.header('content-type') ?? '';
  if (!CSV_TYPES.test(type)) {
    throw new AppError(400, 'unsupported_content_type', m.errors.sendCsv,
      { 'content-type': type === '' ? m.errors.csvTypeMissing : m.errors.csvTypeWrong(type.slice(0, 80)) });
  }
  const length = c.req.header('content-length');
  const bytes = await readBodyInSteps(c.req.raw.body, length === undefined ? undefined : Number(length));
  if (bytes.length === 0) throw badRequest(m.errors.longlist.emptyFile, { file: m.errors.emptyField });
  // Decoded and parsed in the heavy pool: the shared bytes reach the thread without a copy.
  return c.json(await importLonglist(c.get('db'), a, { bytes, charset: charsetOf(type) }));
});
