import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DEMO_LOGIN } from '../../server/content/demo-login.js';

// Issue 12, "start-up a newcomer trusts": `npm start` twice on one port; the demo login on every start.

const dir = mkdtempSync(join(tmpdir(), 'cxbench-start-'));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

const withoutDatabaseUrl = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL'));

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
});

/** Starts the app as `npm start` does (the built JavaScript, ADR 046); resolves when it listens or exits, with what it printed. */
function start(port: number): Promise<{ out: string; err: string; code: number | null }> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    // Its own SQLite file whatever the pass: in the PostgreSQL pass DATABASE_URL names a database other
    // files have used (the demo's password may be changed there, and then no login line is printed).
    env: { ...withoutDatabaseUrl(), PORT: String(port), DATABASE_PATH: join(dir, 'app.db'), SEED_DEMO: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve) => {
    child.stdout!.on('data', (d: Buffer) => { out += String(d); if (out.includes('listening on')) resolve({ out, err, code: null }); });
    child.stderr!.on('data', (d: Buffer) => { err += String(d); });
    child.on('exit', (code) => resolve({ out, err, code }));
  });
}

test('a second start on a busy port says so in one line and exits 1; both starts print the demo login', async () => {
  const port = await freePort();
  const first = await start(port);
  expect(first.code).toBeNull();
  const login = `Sign in as ${DEMO_LOGIN.email} with password ${DEMO_LOGIN.password}`;
  expect(first.out).toContain(login);
  const second = await start(port);
  expect(second.code).toBe(1);
  expect(second.err.trim().split('\n')).toEqual([`Port ${port} is already in use (is cxbench already running?). Stop the other process or start with PORT=<another port>.`]);
  // The second start found the demo already there and still printed how to sign in.
  expect(second.out).toContain(login);
}, 60_000);
