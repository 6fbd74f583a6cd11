import { describe, expect, test } from 'vitest';
import { Writable } from 'node:stream';
import { openSqlite } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import { createLogger } from '../../server/observability/log.js';
import { api, createEvaluation, signupUser } from '../setup/app.js';
import { formLogin, pageGet, pagePost } from '../setup/pages.js';

// Issue 15, promise 9: a request id on every answer and log line, no secrets in the log, /healthz
// saying whether the database answers, /metrics in Prometheus' format behind a token.

const METRICS_TOKEN = 'metrics-token-for-the-test-0123';

/** An app whose structured log is kept in memory, one parsed JSON object per line. */
async function loggedApp(extra: Record<string, string> = {}) {
  const raw: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { raw.push(String(chunk)); done(); } });
  const db = openSqlite(':memory:');
  await migrateToLatest(db);
  const env = parseEnv({ NODE_ENV: 'test', SEED_DEMO: '0', METRICS_TOKEN, ...extra });
  const app = createApp({ db, env, log: createLogger({ ...env, LOG_LEVEL: 'info' }, sink) });
  const lines = () => raw.join('').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { app, db, raw, lines };
}

describe('request ids', () => {
  test('every answer carries an id, each line of the log names it, and a caller’s plain id is kept', async () => {
    const { app, lines } = await loggedApp();
    const a = await app.request('/healthz');
    const b = await app.request('/no/such/page');
    const idA = a.headers.get('x-request-id');
    const idB = b.headers.get('x-request-id');
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(idB).toMatch(/^[0-9a-f-]{36}$/);
    expect(idA).not.toBe(idB);
    const kept = await app.request('/healthz', { headers: { 'x-request-id': 'lb-trace-0042' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-trace-0042');
    const odd = await app.request('/healthz', { headers: { 'x-request-id': '<script>alert(1)</script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const log = lines();
    expect(log.map((l) => l.reqId)).toEqual(expect.arrayContaining([idA, idB, 'lb-trace-0042']));
    expect(log.find((l) => l.reqId === idA)).toEqual(expect.objectContaining({ msg: 'request', method: 'GET', route: '/healthz', status: 200 }));
    expect(log.find((l) => l.reqId === idB)).toEqual(expect.objectContaining({ route: 'unmatched', status: 404 }));
    for (const line of log) expect(line.reqId, JSON.stringify(line)).toBeTruthy();
  });
});

describe('no secrets in the log', () => {
  test('passwords, tokens, cookies and invitation links never reach a log line', async () => {
    const { app, raw } = await loggedApp();
    const password = 'a very secret passphrase 42';
    const user = await signupUser(app, { password });
    const cookie = await formLogin(app, user.email, password);
    const id = await createEvaluation(app, user.token);
    const invited = await api(app, user.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: 'new.one@example.test', role: 'evaluator' });
    expect(invited.status).toBe(201);
    const joinPath = new URL(invited.json.link).pathname;
    const joined = await pagePost(app, null, joinPath, { name: 'New One', password: 'another secret passphrase' });
    expect(joined.status).toBe(303);
    await pageGet(app, cookie, `/evaluations/${id}`);
    await pagePost(app, null, '/login', { email: user.email, password: 'wrong but secret passphrase' });
    // Something to log at error level too: a 404 with a token-looking path.
    await app.request(`/join/${'cxs_' + 'z'.repeat(30)}`);

    const text = raw.join('');
    expect(text.length).toBeGreaterThan(500);
    const secrets = [password, 'another secret passphrase', 'wrong but secret passphrase', user.token, cookie.split('=')[1]!, joinPath.split('/').pop()!, 'z'.repeat(30)];
    for (const secret of secrets) expect(text.includes(secret), `the log holds ${secret.slice(0, 12)}…`).toBe(false);
    expect(text).toContain('"route":"/join/:token"');
  });

  test('a careless log line with a body or headers has its secrets redacted, at any depth', async () => {
    const raw: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { raw.push(String(chunk)); done(); } });
    const log = createLogger({ NODE_ENV: 'test', LOG_LEVEL: 'info' }, sink);
    log.info({ body: { email: 'a@example.test', password: 'hunter2-hunter2' }, headers: { authorization: 'Bearer cxt_secret', cookie: 'cxb_session=abc' }, token: 'cxs_top' }, 'careless');
    const text = raw.join('');
    for (const secret of ['hunter2-hunter2', 'cxt_secret', 'cxb_session=abc', 'cxs_top']) expect(text).not.toContain(secret);
    expect(text).toContain('a@example.test');
    expect(text.match(/\[redacted\]/g)).toHaveLength(4);
  });
});

describe('/healthz and /metrics', () => {
  test('healthz says 503 when the database stops answering', async () => {
    const { app, db } = await loggedApp();
    expect((await app.request('/healthz')).status).toBe(200);
    await db.destroy();
    const down = await app.request('/healthz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, database: 'unreachable' });
  });

  test('metrics: absent without a token setting, 401 with a wrong token, Prometheus text with the right one', async () => {
    const off = await loggedApp({ METRICS_TOKEN: '' }).catch((e: Error) => e);
    expect(off).toBeInstanceOf(Error); // an empty token is refused at start-up, not served
    const bare = createApp({ db: openSqlite(':memory:'), env: parseEnv({ NODE_ENV: 'test', SEED_DEMO: '0' }) });
    expect((await bare.request('/metrics')).status).toBe(404);

    const { app } = await loggedApp();
    await app.request('/healthz');
    await app.request('/healthz');
    expect((await app.request('/metrics')).status).toBe(401);
    expect((await app.request('/metrics', { headers: { authorization: 'Bearer wrong-token-wrong-token-0' } })).status).toBe(401);
    const ok = await app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain');
    const text = await ok.text();
    expect(text).toContain('cxbench_http_requests_total{method="GET",route="/healthz",status="200"} 2');
    expect(text).toMatch(/cxbench_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/healthz"\} \d/);
    expect(text).toMatch(/cxbench_event_loop_delay_max_seconds \d/);
    expect(text).toMatch(/cxbench_heavy_jobs_queued \d/);
    expect(text).toContain('cxbench_process_resident_memory_bytes');
  });
});
