import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import { m } from '../../views/messages/index.js';

const API_BODY_LIMIT = 12 * 1024 * 1024;

/**
 * 413 past `maxSize` bytes. A declared Content-Length is checked from the header alone: reading
 * c.req.raw.body makes @hono/node-server build a whole web Request and stream for every request, a
 * third of a small write's cost (ADR 009). A body of unknown length (chunked) is read up to the
 * limit. Either way the refused body is left unread (or its reader released), so drainUnreadBody
 * (drain-body.ts) can read the rest before the 413 goes out and the client gets it (issue 15).
 * @example route.post('/', limitBody(10 * 2 ** 20, () => new AppError(413, 'payload_too_large', '…')), handler)
 */
export function limitBody(maxSize: number, tooLarge: () => AppError): MiddlewareHandler {
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && /^\d+$/.test(length) && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxSize) throw tooLarge();
      return next();
    }
    const body = c.req.raw.body;
    if (!body) return next();
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) {
        reader.releaseLock();
        throw tooLarge();
      }
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks, size) });
    return next();
  };
}

/** 413 for an API body over 12 MB (`limitBody`). */
export const apiBodyLimit: MiddlewareHandler = limitBody(API_BODY_LIMIT, () => new AppError(413, 'payload_too_large', m.errors.apiBodyTooLarge));
