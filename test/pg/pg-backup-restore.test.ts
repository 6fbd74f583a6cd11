import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { openPostgres } from '../../db/client.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import { addCriterion, addVendor, api, createEvaluation, signupUser } from '../setup/app.js';
import { freshPostgresUrl } from '../setup/pg-database.js';

// Issue 13, point 6: `npm run backup` and `npm run restore` with DATABASE_URL set, through pg_dump
// and pg_restore (custom format), as an operator runs them beside the app's processes.
// Runs only in the PostgreSQL pass (`npm run test:pg`, vitest.pg.config.ts), never skipped.

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cxbench-pg-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = (name: string, file: string, url: string) =>
  run(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, file], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } })
    .then((r) => ({ code: 0, out: r.stdout + r.stderr }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }));

const base = process.env.DATABASE_URL;
if (!base) throw new Error('test/pg needs DATABASE_URL: run it with `npm run test:pg`.');

const open = (url: string) => {
  const db = openPostgres(url, 4);
  return { db, app: createApp({ db, env: parseEnv({ NODE_ENV: 'test', SEED_DEMO: '0' }) }) };
};
type Score = { vendorId: string; criterionId: string; value: number | null; comment: string };
const scoresOf = async (app: ReturnType<typeof createApp>, token: string, id: string) =>
  new Map(((await api(app, token, 'GET', `/api/v1/evaluations/${id}/scores`)).json.scores as Score[]).map((s) => [`${s.vendorId}:${s.criterionId}`, `${s.value}|${s.comment}`]));

test('pg_dump backup while writes run, restore refused while a process is connected, then the copy comes back whole', async () => {
  const url = await freshPostgresUrl(base);
  const live = open(url);
  const owner = await signupUser(live.app);
  const id = await createEvaluation(live.app, owner.token, { template: 'blank' });
  const criteria = [await addCriterion(live.app, owner.token, id, { name: 'Fit' }), await addCriterion(live.app, owner.token, id, { name: 'Cost of change' })];
  const vendors: string[] = [];
  for (let i = 0; i < 5; i++) vendors.push(await addVendor(live.app, owner.token, id, { name: `Vendor ${i}` }));
  const put = (vendorId: string, criterionId: string, n: number) =>
    api(live.app, owner.token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId, criterionId, value: n % 6, comment: `write ${n}` });
  for (const v of vendors) for (const c of criteria) expect((await put(v, c, 1)).status).toBe(200);
  const before = await scoresOf(live.app, owner.token, id);

  // Writes keep landing while pg_dump runs: the copy is one snapshot, before or after each of them.
  let writing = true;
  let n = 1;
  const writer = (async () => { while (writing) expect((await put(vendors[0]!, criteria[0]!, ++n)).status).toBe(200); })();
  const copy = join(dir, 'copy.dump');
  const backup = await script('backup', copy, url);
  writing = false;
  await writer;
  expect(backup.code, backup.out).toBe(0);
  expect(backup.out).toMatch(/Backed up the PostgreSQL database/);
  expect(n).toBeGreaterThan(2);

  // After the backup: a new vendor and changed scores, which the restore must take away.
  await addVendor(live.app, owner.token, id, { name: 'Added after the backup' });
  for (const v of vendors.slice(1)) expect((await put(v, criteria[1]!, 99)).status).toBe(200);

  const refused = await script('restore', copy, url);
  expect(refused.code, refused.out).toBe(1);
  expect(refused.out).toMatch(/other connection/);
  await live.db.destroy();

  // A file that is not an archive is refused before anything changes.
  const junk = join(dir, 'junk.dump');
  writeFileSync(junk, 'not a dump');
  const bad = await script('restore', junk, url);
  expect(bad.code, bad.out).toBe(1);
  expect(bad.out).toMatch(/not a pg_dump archive/);

  const restored = await script('restore', copy, url);
  expect(restored.code, restored.out).toBe(0);
  expect(readdirSync(dir).filter((f) => f.startsWith('copy.dump.before-restore-'))).toHaveLength(1);

  const back = open(url);
  try {
    const now = await scoresOf(back.app, owner.token, id);
    // Every cell but the one written during the backup is as before it; that one holds one of its writes.
    const [busy] = [`${vendors[0]}:${criteria[0]}`];
    expect(new Map([...now].filter(([k]) => k !== busy))).toEqual(new Map([...before].filter(([k]) => k !== busy)));
    const kept = Number(/write (\d+)/.exec(now.get(busy!)!)?.[1]);
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThanOrEqual(n);
    const names = ((await api(back.app, owner.token, 'GET', `/api/v1/evaluations/${id}/vendors`)).json.vendors as { name: string }[]).map((v) => v.name);
    expect(names).not.toContain('Added after the backup');
    expect((await api(back.app, null, 'GET', '/healthz')).json).toEqual(expect.objectContaining({ engine: 'postgres', migrations: 'current' }));
    // Writes work after the restore (identity sequences came back with the data).
    expect((await api(back.app, owner.token, 'POST', `/api/v1/evaluations/${id}/vendors`, { name: 'After the restore' })).status).toBe(201);
  } finally {
    await back.db.destroy();
  }
  // A backup never overwrites an existing file.
  expect((await script('backup', copy, url)).code).toBe(1);
  expect(existsSync(`${copy}.partial`)).toBe(false);
}, 120_000);
