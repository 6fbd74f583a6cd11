import { openSqlite, type Db } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';

export type TestApp = ReturnType<typeof createApp>;

/** A fresh app over its own in-memory database: tests never share state or depend on order. */
export async function makeTestApp(): Promise<{ app: TestApp; db: Db }> {
  const db = openSqlite(':memory:');
  await migrateToLatest(db);
  const app = createApp({ db, env: parseEnv({ NODE_ENV: 'test', SEED_DEMO: '0' }) });
  return { app, db };
}

let counter = 0;

/** Signs up a new user through the API and returns their token and ids. */
export async function signupUser(app: TestApp, over: Partial<{ email: string; name: string; teamName: string; password: string }> = {}) {
  counter += 1;
  const body = { email: `user${counter}-${Date.now()}@example.test`, password: 'correct horse battery', name: `User ${counter}`, teamName: `Team ${counter}`, ...over };
  const res = await app.request('/api/v1/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  const json = (await res.json()) as { userId: string; teamId: string; token: string };
  return { ...json, email: body.email, password: body.password };
}

/** A JSON API call with a Bearer token. */
export async function api(app: TestApp, token: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(path, { method, headers, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
  const text = await res.text();
  let json: any = undefined;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: res.status, json, text, headers: res.headers };
}
