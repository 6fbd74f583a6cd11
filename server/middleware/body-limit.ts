import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors.js';

const API_BODY_LIMIT = 12 * 1024 * 1024;
const tooLarge = () => new AppError(413, 'payload_too_large', 'The request body is larger than 12 MB.');

const streamedLimit = bodyLimit({
  maxSize: API_BODY_LIMIT,
  onError: () => {
    throw tooLarge();
  },
});

/**
 * 413 for an API body over 12 MB. A declared Content-Length is checked from the header alone.
 * Hono's bodyLimit reads c.req.raw.body, which makes @hono/node-server build a whole web Request
 * and stream for every request, a third of a small write's cost (ADR 009); it stays for bodies of
 * unknown length.
 */
export const apiBodyLimit: MiddlewareHandler = (c, next) => {
  const length = c.req.header('content-length');
  if (length === undefined || !/^\d+$/.test(length) || c.req.header('transfer-encoding') !== undefined) return streamedLimit(c, next);
  if (Number(length) > API_BODY_LIMIT) throw tooLarge();
  return next();
};
