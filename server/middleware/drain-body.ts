import type { MiddlewareHandler } from 'hono';

/**
 * Every request gets its answer, even one refused before its body was read (issue 15). When a
 * handler answers early (a 413 from the Content-Length alone, a 401 or 403 before the body is
 * parsed), @hono/node-server discards the rest of the body for 500 ms and then closes the socket.
 * A client still uploading (a slow link, a busy server, a client that sends its whole body before
 * reading) then sees the connection reset instead of the answer: the "other side closed".
 * So the rest of an unread body is read and dropped here first, within a budget, and an answer
 * that gave up on it (or a 413) says `Connection: close`, so the client does not reuse the socket.
 */

// Past these the client is more likely an attack than a mistake: answer and close.
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
const DRAIN_MAX_MS = 10_000;
// Small bodies arrive in one or two packets and node-server's own 500 ms drain suffices.
const SMALL_BODY = 64 * 1024;

/** Reads and drops the rest of `body`; true when it reached the end within the budget. */
export async function drainBody(body: ReadableStream<Uint8Array>, maxBytes = DRAIN_MAX_BYTES, maxMs = DRAIN_MAX_MS): Promise<boolean> {
  const reader = body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => resolve('late'), maxMs); });
  let bytes = 0;
  try {
    for (;;) {
      const step = await Promise.race([reader.read(), late]);
      if (step === 'late') return false;
      if (step.done) return true;
      bytes += step.value.byteLength;
      if (bytes > maxBytes) return false;
    }
  } catch {
    return false; // the client went away: nobody is left to answer
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
}

/** Served by @hono/node-server with a body of some size still on the wire. */
function unreadLargeBody(env: unknown, headers: Headers): boolean {
  const incoming = (env as { incoming?: { readableEnded: boolean } } | undefined)?.incoming;
  if (!incoming || incoming.readableEnded) return false;
  const length = headers.get('content-length');
  return headers.has('transfer-encoding') || (length !== null && Number(length) > SMALL_BODY);
}

/** Mounted first: once the answer is ready, reads what the request still has to send, then lets the answer go. */
export const drainUnreadBody: MiddlewareHandler = async (c, next) => {
  await next();
  if (!unreadLargeBody(c.env, c.req.raw.headers)) return;
  const body = c.req.raw.body;
  // A body locked by a reader that stopped is not ours to read; the limiters below release theirs.
  const ended = body !== null && !body.locked && (await drainBody(body));
  if (!ended || c.res.status === 413) c.res.headers.set('Connection', 'close');
};
