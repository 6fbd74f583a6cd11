import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { openSqlite } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import { addCriterion, addVendor, api, createEvaluation, signupUser } from '../setup/app.js';
import { readDatabaseState } from '../setup/crash-check.js';

// Issue 15, promise 8 ("Backup and restore"): `npm run backup` copies the database while score
// writes keep landing, and `npm run restore` brings the copy back. The scripts run as their own
// processes, as an operator runs them beside the server; the writes go through the app over a
// database file (so through the writer thread, as in production).

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cxbench-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = (name: string, file: string, dbPath: string) =>
  run(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, file], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: dbPath } })
    .then((r) => ({ code: 0, out: r.stdout + r.stderr }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }));

async function openApp(path: string) {
  const db = openSqlite(path);
  await migrateToLatest(db);
  return { db, app: createApp({ db, env: parseEnv({ NODE_ENV: 'test', SEED_DEMO: '0' }) }) };
}

test('a backup taken while writes run holds every write acknowledged before it began, and restores', async () => {
  const live = join(dir, 'live.db');
  const { db, app } = await openApp(live);
  const owner = await signupUser(app);
  const id = await createEvaluation(app, owner.token, { template: 'blank' });
  const criteria = [await addCriterion(app, owner.token, id, { name: 'Fit' }), await addCriterion(app, owner.token, id, { name: 'Cost of change' })];
  const vendors: string[] = [];
  for (let i = 0; i < 10; i++) vendors.push(await addVendor(app, owner.token, id, { name: `Vendor ${i}` }));
  const cells = vendors.flatMap((vendorId) => criteria.map((criterionId) => ({ vendorId, criterionId })));

  // One writer per cell, one write at a time, each numbered: a cell's number only goes up.
  let writing = true;
  let seq = 0;
  const acked = new Map<string, number>();
  const writer = async (cell: (typeof cells)[number]) => {
    while (writing) {
      const n = ++seq;
      const res = await api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/scores`, { ...cell, value: n % 6, comment: `write ${n}` });
      expect(res.status, res.text).toBe(200);
      acked.set(`${cell.vendorId}:${cell.criterionId}`, n);
    }
  };
  const writers = cells.map(writer);
  // Until every cell has an acknowledged write (the writer thread starts on the first one).
  while (acked.size < cells.length) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const before = new Map(acked);
  const ackedBefore = seq;
  const copy = join(dir, 'copy.db');
  const backup = await script('backup', copy, live);
  const duringBackup = seq - ackedBefore;
  await new Promise((resolve) => setTimeout(resolve, 100));
  writing = false;
  await Promise.all(writers);
  expect(backup.code, backup.out).toBe(0);

  const state = readDatabaseState(copy, id);
  const older = [...before].filter(([key, n]) => Number(/write (\d+)/.exec(state.scores.get(`${key}:${owner.userId}`)?.comment ?? '')?.[1] ?? 0) < n);
  console.log(`backup: ${before.size} cells written before the backup began (writes 1–${ackedBefore}), ${duringBackup} writes sent while the backup script ran, ${seq} in all; `
    + `the copy: integrity ${state.integrity}, ${state.scores.size} scores, ${older.length} older than acknowledged, ${state.aggregateProblems.length} aggregate mismatches`);
  expect(before.size).toBe(cells.length);
  expect(duringBackup).toBeGreaterThan(0);
  expect(state.integrity).toBe('ok');
  expect(older).toEqual([]);
  expect(state.aggregateProblems).toEqual([]);

  // Restore is refused while the database is open (the app still holds it), and changes nothing.
  const refused = await script('restore', copy, live);
  expect(refused.code, refused.out).toBe(1);
  expect(refused.out).toMatch(/in use/);
  await db.destroy();

  const restored = await script('restore', copy, live);
  expect(restored.code, restored.out).toBe(0);
  expect(readdirSync(dir).filter((f) => f.startsWith('live.db.before-restore-'))).toHaveLength(1);
  const back = await openApp(live);
  try {
    const scores = (await api(back.app, owner.token, 'GET', `/api/v1/evaluations/${id}/scores`)).json.scores as { vendorId: string; criterionId: string; comment: string }[];
    const now = new Map(scores.map((s) => [`${s.vendorId}:${s.criterionId}:${owner.userId}`, s.comment]));
    expect(now).toEqual(new Map([...state.scores].map(([k, s]) => [k, s.comment])));
    expect(readDatabaseState(live, id).integrity).toBe('ok');
    console.log(`restore: refused while the database was open; then ${scores.length} scores back, equal to the copy; previous database kept aside`);
  } finally {
    await back.db.destroy();
  }
  // A backup never overwrites an existing file.
  expect((await script('backup', copy, live)).code).toBe(1);
  expect(existsSync(`${copy}.partial`)).toBe(false);
}, 180_000);
