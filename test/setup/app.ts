import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openSqlite, type Db } from '../../db/client.js';
import { freshPostgres } from './pg-database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import { systemPath } from '../../scripts/system-deps.mjs';

export type TestApp = ReturnType<typeof createApp>;

/**
 * A fresh app over its own in-memory database: tests never share state or depend on order.
 * `file` puts it in a temporary file instead, where single score writes go through the writer
 * thread (ADR 009) as they do in production. With DATABASE_URL set (`npm run test:pg`), a fresh
 * PostgreSQL database copied from a migrated template instead (test/setup/pg-database.ts).
 */
export async function makeTestApp(opts: { file?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<{ app: TestApp; db: Db }> {
  const url = process.env.DATABASE_URL;
  const db = url ? await freshPostgres(url) : openSqlite(opts.file ? join(mkdtempSync(join(tmpdir(), 'cxbench-test-')), 'test.db') : ':memory:');
  if (!url) await migrateToLatest(db);
  const app = createApp({ db, env: parseEnv({ NODE_ENV: 'test', SEED_DEMO: '0', ...opts.env }) });
  return { app, db };
}

/**
 * The environment of an app that prints PDFs: the Chromium that scripts/system-deps.mjs finds
 * (override, PATH, Debian's place). Throws with the install command when there is none, so a
 * printing suite fails loudly instead of skipping itself.
 */
export function printingEnv(): NodeJS.ProcessEnv {
  return { CHROMIUM_PATH: systemPath('chromium') };
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

export type ApiResult = Awaited<ReturnType<typeof api>>;

/**
 * Asserts API.md's error shape exactly: `{"error": {code, message, fields?}}` and nothing else,
 * with the given status (and code, when given). Returns the `error` object for further checks.
 */
export function expectApiError(res: ApiResult, status: number, code?: string): { code: string; message: string; fields?: Record<string, string> } {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  expect(res.json).toBeTypeOf('object');
  expect(Object.keys(res.json)).toEqual(['error']);
  const err = res.json.error;
  expect(err).toBeTypeOf('object');
  for (const key of Object.keys(err)) expect(['code', 'message', 'fields']).toContain(key);
  expect(err.code).toBeTypeOf('string');
  expect(err.code).toMatch(/^[a-z][a-z0-9_]*$/);
  expect(err.message).toBeTypeOf('string');
  expect(err.message.length).toBeGreaterThan(0);
  if ('fields' in err) {
    expect(err.fields).toBeTypeOf('object');
    expect(Object.keys(err.fields).length).toBeGreaterThan(0);
    for (const v of Object.values(err.fields)) expect(v).toBeTypeOf('string');
  }
  if (code !== undefined) expect(err.code).toBe(code);
  return err;
}

/** Creates an evaluation through the API and returns its id (asserting the 201). */
/**
 * Creates an evaluation as `token`'s user. Like a facilitator setting up, the creator then declares
 * no conflict of interest, so tests about scoring can score; declaration tests pass `declare: false`.
 */
export async function createEvaluation(app: TestApp, token: string, body: Record<string, unknown> = {}, opts: { declare?: boolean } = {}): Promise<string> {
  const res = await api(app, token, 'POST', '/api/v1/evaluations', { name: 'Test evaluation', ...body });
  if (res.status !== 201) throw new Error(`create evaluation failed: ${res.status} ${res.text}`);
  if (opts.declare !== false) await declareNoConflict(app, token, res.json.id as string);
  return res.json.id as string;
}

/** The member behind `token` declares no conflict of interest (required before scoring). */
export async function declareNoConflict(app: TestApp, token: string, evaluationId: string): Promise<void> {
  const res = await api(app, token, 'PUT', `/api/v1/evaluations/${evaluationId}/declarations/me`, { conflict: false });
  if (res.status !== 200) throw new Error(`declaration failed: ${res.status} ${res.text}`);
}

/** Adds a criterion and returns its id (asserting the 201). */
export async function addCriterion(app: TestApp, token: string, evaluationId: string, body: Record<string, unknown>): Promise<string> {
  const res = await api(app, token, 'POST', `/api/v1/evaluations/${evaluationId}/criteria`, body);
  if (res.status !== 201) throw new Error(`add criterion failed: ${res.status} ${res.text}`);
  return res.json.id as string;
}

/** Adds a vendor and returns its id (asserting the 201). */
export async function addVendor(app: TestApp, token: string, evaluationId: string, body: Record<string, unknown>): Promise<string> {
  const res = await api(app, token, 'POST', `/api/v1/evaluations/${evaluationId}/vendors`, body);
  if (res.status !== 201) throw new Error(`add vendor failed: ${res.status} ${res.text}`);
  return res.json.id as string;
}
