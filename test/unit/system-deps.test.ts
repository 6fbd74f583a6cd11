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

/** The real parts, but with Debian's locations moved into an empty directory, so this machine's packages do not count. */
function isolatedParts(): Part[] {
  const nowhere = tempDir();
  return PARTS.map((part) => ({ ...part, debianDirs: () => [nowhere] }));
}

function part(id: string, parts: Part[] = PARTS): Part {
  const found = parts.find((p) => p.id === id);
  if (!found) throw new Error(`no part ${id}`);
  return found;
}

const EVERY_PROGRAM = ['chromium', 'initdb', 'pg_ctl', 'postgres', 'pdftoppm', 'pdftotext', 'soffice'];

test('finds every part in a PATH directory holding fake executables', () => {
  const bin = fakePrograms(tempDir(), ...EVERY_PROGRAM);
  const results = checkParts({ PATH: `/nonexistent:${bin}` }, isolatedParts());
  expect(results.map((r) => r.reason)).toEqual([undefined, undefined, undefined, undefined]);
  expect(results.flatMap((r) => Object.values(r.paths ?? {}))).toEqual(EVERY_PROGRAM.map((p) => join(bin, p)));
});

test('soffice may be called libreoffice; a non-executable file does not count', () => {
  const bin = fakePrograms(tempDir(), 'libreoffice');
  writeFileSync(join(bin, 'chromium'), 'not executable', { mode: 0o644 });
  const parts = isolatedParts();
  expect(locatePart(part('libreoffice', parts), { PATH: bin }).paths).toEqual({ soffice: join(bin, 'libreoffice') });
  expect(locatePart(part('chromium', parts), { PATH: bin }).reason).toMatch(/no chromium on PATH/);
});

test("a part's programs come from one directory, never half from each", () => {
  const a = fakePrograms(tempDir(), 'initdb', 'pg_ctl');
  const b = fakePrograms(tempDir(), 'postgres');
  expect(locatePart(part('postgresql', isolatedParts()), { PATH: `${a}:${b}` }).paths).toBeUndefined();
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

test('not root with parts missing: stops with one line naming the exact apt-get command, installs nothing', () => {
  const calls: string[][] = [];
  const run = () => ensureSystemDeps({
    env: { PATH: tempDir() },
    parts: isolatedParts(),
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
    env: { PATH: bin },
    parts: isolatedParts(),
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
    env: { PATH: fakePrograms(tempDir(), 'initdb', 'pg_ctl', 'postgres', 'pdftoppm', 'pdftotext', 'soffice') },
    parts: isolatedParts(),
    facts: { isRoot: true, hasApt: true },
    apt: () => {},
  });
  expect(run).toThrow(/Chromium .*Still missing after: apt-get install -y chromium \(or set CHROMIUM_PATH\)/);
});

test('everything present: apt-get is never called', () => {
  let called = false;
  ensureSystemDeps({
    env: { PATH: fakePrograms(tempDir(), ...EVERY_PROGRAM) },
    parts: isolatedParts(),
    facts: { isRoot: true, hasApt: true },
    apt: () => void (called = true),
  });
  expect(called).toBe(false);
});

/** Runs the script as `npm test` does, with every part pointed at `dir` through the overrides. */
function runScript(dir: string) {
  // A fake apt-get on PATH leaves a mark if anything calls it.
  const bin = tempDir();
  writeFileSync(join(bin, 'apt-get'), `#!/bin/sh\ntouch ${join(bin, 'apt-get-ran')}\n`, { mode: 0o755 });
  const env = {
    PATH: bin,
    SYSTEM_DEPS_ASSUME_NONROOT: '1',
    CHROMIUM_PATH: join(dir, 'chromium'),
    PG_BIN: dir,
    POPPLER_BIN: dir,
    SOFFICE_PATH: join(dir, 'soffice'),
  };
  const r = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
  return { ...r, aptRan: existsSync(join(bin, 'apt-get-ran')) };
}

test('the script, as a non-root user with every part missing, exits 1 at once with the one command', () => {
  const r = runScript(tempDir());
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(`Run: sudo apt-get install -y ${ALL_PACKAGES} (`);
  expect(r.aptRan).toBe(false);
});

test('the script, with every part present, exits 0 and prints nothing', () => {
  const r = runScript(fakePrograms(tempDir(), ...EVERY_PROGRAM));
  expect({ status: r.status, stdout: r.stdout, stderr: r.stderr, aptRan: r.aptRan }).toEqual({ status: 0, stdout: '', stderr: '', aptRan: false });
});
