import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { openSqlite, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';

export interface Received { to: string[]; subject: string; text: string; html: string; raw: string }

/** Undoes quoted-printable: soft line breaks, then =XX bytes read as UTF-8. */
function unQuote(s: string): string {
  const joined = s.replace(/=\r?\n/g, '');
  return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

/**
 * The text/plain and text/html parts of nodemailer's multipart/alternative message. Split on the
 * boundary the message declares, not on any line that starts with `--`: a quoted-printable soft
 * line break can put `--` at the start of a line inside a reset link's token (about one mail in
 * 6,700), and that cut the token short (the flake of password-reset.test.ts: 404 for a good link).
 */
export function parts(raw: string): { text: string; html: string } {
  const out = { text: '', html: '' };
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  // Without a boundary the message is one part: its headers, then its body.
  const all = boundary ? raw.split(new RegExp(`\\r?\\n--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?`)) : [raw];
  for (const part of all) {
    const [head = '', ...body] = part.split(/\r?\n\r?\n/);
    const content = body.join('\n\n');
    const decoded = /quoted-printable/i.test(head) ? unQuote(content) : /base64/i.test(head) ? Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8') : content;
    if (/content-type: text\/plain/i.test(head)) out.text = decoded;
    if (/content-type: text\/html/i.test(head)) out.html = decoded;
  }
  return out;
}

const decodeSubject = (raw: string) => {
  const line = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? '';
  return line.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : unQuote(text.replace(/_/g, ' ')));
};

/**
 * A real SMTP server in this process on 127.0.0.1 and a random port: what the app sends arrives
 * here. `delayMs` holds each message before accepting it (a slow server); `fail` refuses them.
 */
export async function startSmtp(opts: { delayMs?: number; fail?: boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false, socketTimeout: 10_000,
    onAuth: (_auth, _session, cb) => cb(null, { user: 'test' }),
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const finish = () => {
          if (opts.fail) return cb(new Error('mailbox unavailable'));
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: decodeSubject(raw), ...parts(raw), raw });
          cb();
        };
        if (opts.delayMs) setTimeout(finish, opts.delayMs).unref(); else finish();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://test:secret@127.0.0.1:${port}`,
    received,
    /** Waits until `n` messages have arrived (bounded), then returns them. */
    async waitFor(n: number, ms = 5_000): Promise<Received[]> {
      const until = Date.now() + ms;
      while (received.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A fresh app whose e-mail goes to `smtpUrl` (or is off when null). */
export async function makeMailApp(smtpUrl: string | null): Promise<{ app: ReturnType<typeof createApp>; db: Db; env: ReturnType<typeof parseEnv> }> {
  const db = openSqlite(':memory:');
  await migrateToLatest(db);
  const env = parseEnv({ NODE_ENV: 'test', SEED_DEMO: '0', APP_URL: 'https://cx.example.test', MAIL_FROM: 'cxbench <bench@example.test>', ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}) });
  return { app: createApp({ db, env }), db, env };
}
