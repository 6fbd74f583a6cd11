import type { Context } from 'hono';
import type { AppEnv } from '../context.js';

/**
 * The address a request came from, for the per-address sign-in limit; null when unknown (a request
 * made in-process, as tests do). Behind a reverse proxy (TRUST_PROXY=1) every request comes from the
 * proxy, so the address is the last one X-Forwarded-For names: the one our proxy added, which a
 * client cannot forge (it can only prepend to the list).
 */
export function clientAddress(c: Context<AppEnv>): string | null {
  if (c.get('env').TRUST_PROXY === '1') {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return hops.at(-1) ?? null;
  }
  // @hono/node-server puts Node's request in the bindings; app.request() in tests has none.
  const bindings = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return bindings?.incoming?.socket?.remoteAddress ?? null;
}
