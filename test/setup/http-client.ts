/** A JSON call to a server over a real socket; `status` 0 with `error` when no answer came (a killed server). */
export async function call(port: number, token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; json: any; error?: string }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    let json: any;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = text; }
    return { status: res.status, json };
  } catch (err) {
    return { status: 0, json: undefined, error: (err as Error & { cause?: { code?: string } }).cause?.code ?? (err as Error).message };
  }
}

/** `call` that must answer `status`, for set-up steps. */
export async function must(status: number, port: number, token: string | null, method: string, path: string, body?: unknown): Promise<any> {
  const res = await call(port, token, method, path, body);
  if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status} ${res.error ?? JSON.stringify(res.json)}`);
  return res.json;
}

/** A small seeded generator (the domain's mulberry32), so a failing round can be replayed from its seed. */
export { seededRandom as seeded } from '../../server/domain/random.js';
