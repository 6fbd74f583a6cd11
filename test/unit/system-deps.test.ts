import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import {
  PARTS,
  SystemDepsError,
  checkParts,
  ensureSystemDeps,
  locatePart,
  systemPath,
  type Part,
} from '../../scripts/system-deps.mjs';

const ALL_PACKAGES = 'chromium postgresql poppler-utils libreoffice-calc-nogui';
const script = join(import.meta.dirname, '../../scripts/system-deps.mjs');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cxbench-sysdeps-'));
}

/** Writes executable shell scripts named `names` into `dir`; returns `dir`. */
function fakePrograms(dir: string, ...names: string[]): string {
  mkdirSync(dir, { recursive: true });
  for (const name of names) writeFileSync(join(dir, name), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return dir;
}

/** An environment whose PATH is `path` and whose Debian locations are under an empty directory, so this machine's packages do not count. */
function fresh(path: string, more: Record<string, string> = {}) {
  return { PATH: path, SYSTEM_DEPS_ROOTFS: tempDir(), ...more };
}

function part(id: string): Part {
  const found = PARTS.find((p) => p.id === id);
  if (!found) throw new Error(`no part ${id}`);
  return found;
}

const EVERY_PROGRAM = ['chromium', 'initdb', 'pg_ctl', 'postgres', 'pdftoppm', 'pdftotext', 'soffice'];

test('finds every part in a PATH directory holding fake executables', () => {
  const bin = fakePrograms(tempDir(), ...EVERY_PROGRAM);
  const results = checkParts(fresh(`/nonexistent:${bin}`));
  expect(results.map((r) => r.reason)).toEqual([undefined, undefined, undefined, undefined]);
  expect(results.flatMap((r) => Object.values(r.paths ?? {}))).toEqual(EVERY_PROGRAM.map((p) => join(bin, p)));
});

test('soffice may be called libreoffice; a non-executable file does not count', () => {
  const bin = fakePrograms(tempDir(), 'libreoffice');
  writeFileSync(join(bin, 'chromium'), 'not executable', { mode: 0o644 });
  expect(locatePart(part('libreoffice'), fresh(bin)).paths).toEqual({ soffice: join(bin, 'libreoffice') });
  expect(locatePart(part('chromium'), fresh(bin)).reason).toMatch(/no chromium on PATH/);
});

test("a part's programs come from one directory, never half from each", () => {
  const a = fakePrograms(tempDir(), 'initdb', 'pg_ctl');
  const b = fakePrograms(tempDir(), 'postgres');
  expect(locatePart(part('postgresql'), fresh(`${a}:${b}`)).paths).toBeUndefined();
});

test("PostgreSQL's server binaries are found off PATH where Debian puts them, version 15 first", () => {
  const env = fresh(tempDir());
  const v15 = fakePrograms(join(env.SYSTEM_DEPS_ROOTFS, 'usr/lib/postgresql/15/bin'), 'initdb', 'pg_ctl', 'postgres');
  fakePrograms(join(env.SYSTEM_DEPS_ROOTFS, 'usr/lib/postgresql/16/bin'), 'initdb', 'pg_ctl', 'postgres');
  expect(systemPath('initdb', env)).toBe(join(v15, 'initdb'));
});

test('an override wins over PATH, and one pointing at nothing is reported, not skipped', () => {
  const onPath = fakePrograms(tempDir(), ...EVERY_PROGRAM);
  const chosen = fakePrograms(tempDir(), 'my-chromium', 'initdb', 'pg_ctl', 'postgres');
  const env = { PATH: onPath, CHROMIUM_PATH: join(chosen, 'my-chromium'), PG_BIN: chosen };
  expect(systemPath('chromium', env)).toBe(join(chosen, 'my-chromium'));
  expect(systemPath('postgres', env)).toBe(join(chosen, 'postgres'));
  expect(systemPath('pdftoppm', env)).toBe(join(onPath, 'pdftoppm'));
  expect(() => systemPath('chromium', { PATH: onPath, CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
    /CHROMIUM_PATH=\/nonexistent\/chromium is not an executable file.*apt-get install -y chromium/,
  );
});

test('an override pointing at nothing stops the run without apt-get, which could not help', () => {
  const calls: string[][] = [];
  const run = () => ensureSystemDeps({
    env: fresh(fakePrograms(tempDir(), ...EVERY_PROGRAM), { PG_BIN: '/nonexistent' }),
    facts: { isRoot: true, hasApt: true },
    apt: (args) => void calls.push(args),
  });
  expect(run).toThrow('system-deps: PG_BIN=/nonexistent is not a directory holding initdb, pg_ctl, postgres: fix or unset it.');
  expect(calls).toEqual([]);
});

test('not root with parts missing: stops with one line naming the exact apt-get command, installs nothing', () => {
  const calls: string[][] = [];
  const run = () => ensureSystemDeps({
    env: fresh(tempDir()),
    facts: { isRoot: false, hasApt: true },
    apt: (args) => void calls.push(args),
  });
  expect(run).toThrow(SystemDepsError);
  expect(run).toThrow(`Run: sudo apt-get install -y ${ALL_PACKAGES} (`);
  try {
    run();
  } catch (err) {
    expect((err as Error).message).not.toContain('\n');
  }
  expect(calls).toEqual([]);
});

test('root with apt-get: one update, one install of every missing package, then checks again', () => {
  const bin = fakePrograms(tempDir(), 'chromium');
  const calls: string[][] = [];
  const result = ensureSystemDeps({
    env: fresh(bin),
    facts: { isRoot: true, hasApt: true },
    apt: (args) => {
      calls.push(args);
      if (args[0] === 'install') fakePrograms(bin, 'initdb', 'pg_ctl', 'postgres', 'pdftoppm', 'pdftotext', 'soffice');
    },
  });
  expect(calls).toEqual([
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', 'postgresql', 'poppler-utils', 'libreoffice-calc-nogui'],
  ]);
  expect(result.installed).toEqual(['postgresql', 'poppler-utils', 'libreoffice-calc-nogui']);
  expect(result.found.every((r) => r.paths)).toBe(true);
});

test('root with apt-get whose install does not provide the part: stops naming what is still missing', () => {
  const run = () => ensureSystemDeps({
    env: fresh(fakePrograms(tempDir(), 'initdb', 'pg_ctl', 'postgres', 'pdftoppm', 'pdftotext', 'soffice')),
    facts: { isRoot: true, hasApt: true },
    apt: () => {},
  });
  expect(run).toThrow(/need Chromium, not found.*Still missing after: apt-get install -y chromium \(or set CHROMIUM_PATH\)/);
});

test('everything present: apt-get is never called', () => {
  let called = false;
  ensureSystemDeps({
    env: fresh(fakePrograms(tempDir(), ...EVERY_PROGRAM)),
    facts: { isRoot: true, hasApt: true },
    apt: () => void (called = true),
  });
  expect(called).toBe(false);
});

/** Runs the script as `npm test` does, as a non-root user on a machine with only `programs`. */
function runScript(...programs: string[]) {
  // A fake apt-get on PATH leaves a mark if anything calls it.
  const bin = fakePrograms(tempDir(), ...programs);
  writeFileSync(join(bin, 'apt-get'), `#!/bin/sh\ntouch ${join(bin, 'apt-get-ran')}\n`, { mode: 0o755 });
  const env = fresh(bin, { SYSTEM_DEPS_ASSUME_NONROOT: '1' });
  const r = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
  return { ...r, aptRan: existsSync(join(bin, 'apt-get-ran')) };
}

test('the script, as a non-root user with every part missing, exits 1 at once with the one command', () => {
  const r = runScript();
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(`Run: sudo apt-get install -y ${ALL_PACKAGES} (`);
  expect(r.aptRan).toBe(false);
});

test('the script, with every part present, exits 0 and prints nothing', () => {
  const r = runScript(...EVERY_PROGRAM);
  expect({ status: r.status, stdout: r.stdout, stderr: r.stderr, aptRan: r.aptRan }).toEqual({ status: 0, stdout: '', stderr: '', aptRan: false });
});
