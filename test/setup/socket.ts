import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { TestApp } from './app.js';

/** The app on a real @hono/node-server at 127.0.0.1, for what only a socket shows (closed connections). */
export async function listen(app: TestApp): Promise<{ port: number; close: () => Promise<void> }> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface SocketAnswer {
  /** The status line's code, or 0 when no answer came. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Body bytes written before the answer was complete or the socket failed. */
  sent: number;
  /** A write or read error (EPIPE, ECONNRESET): the server closed on the client. */
  error: string | null;
}

/**
 * Sends one HTTP/1.1 request over a raw socket the way a slow client does: the headers, then
 * `body` in `chunk`-byte pieces `gapMs` apart, writing all of it before it looks for an answer.
 */
export function slowRequest(port: number, head: string, body: Uint8Array, chunk = 1 << 20, gapMs = 40, timeoutMs = 30_000): Promise<SocketAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let sent = 0;
    let error: string | null = null;
    const done = () => {
      clearTimeout(timer);
      const text = Buffer.concat(received).toString('utf8');
      const [top = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = top.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body: rest.join('\r\n\r\n'), sent, error });
    };
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (d) => received.push(d));
    socket.on('error', (e) => { error ??= (e as NodeJS.ErrnoException).code ?? e.message; });
    socket.on('close', done);
    socket.write(`${head}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
    const tick = () => {
      if (socket.destroyed || sent >= body.length) return;
      const piece = body.subarray(sent, sent + chunk);
      sent += piece.length;
      socket.write(piece, (err) => { if (err) error ??= (err as NodeJS.ErrnoException).code ?? err.message; });
      setTimeout(tick, gapMs);
    };
    tick();
  });
}
