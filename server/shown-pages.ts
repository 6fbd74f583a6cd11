import { randomBytes } from 'node:crypto';

/**
 * Pages rendered in answer to a browser's form POST, kept a short while so the browser can be sent
 * to a GET of its own page (POST-redirect-GET) and still see the errors or the one-time link the
 * POST produced (issue 12: a reload must never send a form again). Per process and in memory: a
 * GET that reaches another process (several processes without sticky sessions) finds nothing and
 * shows the page fresh, which loses the messages, never data (ADR 021).
 */
interface Shown { body: string; status: number; owner: string | null; expires: number }

const TTL_MS = 10 * 60_000;
const MAX = 2_000;
const shown = new Map<string, Shown>();

/** Keeps `body` for the session `owner` (the session hash; null when signed out) and returns its key. */
export function keepShown(body: string, status: number, owner: string | null, now = Date.now()): string {
  for (const [key, s] of shown) if (s.expires <= now || shown.size >= MAX) shown.delete(key); else break;
  const key = randomBytes(16).toString('base64url');
  shown.set(key, { body, status, owner, expires: now + TTL_MS });
  return key;
}

/** The kept page for `key`, only to the session that caused it and only until it expires. */
export function takeShown(key: string, owner: string | null, now = Date.now()): { body: string; status: number } | null {
  const s = shown.get(key);
  if (!s || s.expires <= now || s.owner !== owner) return null;
  return { body: s.body, status: s.status };
}
