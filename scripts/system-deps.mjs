#!/usr/bin/env node
// The system parts (not npm packages) that the test suites use, how to find each one, and how to
// install what is missing. Plain Node ESM with no npm imports so `npm test` can run it first
// (`pretest`), on a fresh machine, before anything else is known to work.
//
//   node scripts/system-deps.mjs          ensure every part; silent when all are present
//   node scripts/system-deps.mjs --list   also print one line per part with its path
//
// Environment: CHROMIUM_PATH, PG_BIN, SOFFICE_PATH, POPPLER_BIN override where a part is looked
// for (an override always wins; one that points at nothing stops the run). Two knobs for the unit
// test: SYSTEM_DEPS_ASSUME_NONROOT=1 behaves as a non-root user would (never installs), and
// SYSTEM_DEPS_ROOTFS=<dir> looks for Debian's locations under <dir> instead of /.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, realpathSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Every part a suite uses. `programs` maps the name a suite asks for to the file names that
 * provide it (first found wins); all programs of a part must come from the same directory, so
 * `initdb` and `postgres` are never from two PostgreSQL versions.
 * `override.kind`: 'file' names the program itself, 'dir' the directory holding all of them.
 */
export const PARTS = [
  {
    id: 'chromium',
    label: 'Chromium',
    apt: 'chromium',
    override: { env: 'CHROMIUM_PATH', kind: 'file' },
    programs: { chromium: ['chromium'] },
    debianDirs: () => ['/usr/bin'],
  },
  {
    id: 'postgresql',
    label: 'PostgreSQL 15 server',
    apt: 'postgresql',
    override: { env: 'PG_BIN', kind: 'dir' },
    programs: { initdb: ['initdb'], pg_ctl: ['pg_ctl'], postgres: ['postgres'] },
    // Debian keeps server binaries off PATH, one directory per major version; 15 first.
    debianDirs: (rootfs) => postgresVersions(rootfs).map((v) => `/usr/lib/postgresql/${v}/bin`),
  },
  {
    id: 'poppler',
    label: 'poppler',
    apt: 'poppler-utils',
    override: { env: 'POPPLER_BIN', kind: 'dir' },
    programs: { pdftoppm: ['pdftoppm'], pdftotext: ['pdftotext'] },
    debianDirs: () => ['/usr/bin'],
  },
  {
    id: 'libreoffice',
    label: 'LibreOffice Calc (headless)',
    apt: 'libreoffice-calc-nogui',
    override: { env: 'SOFFICE_PATH', kind: 'file' },
    programs: { soffice: ['soffice', 'libreoffice'] },
    debianDirs: () => ['/usr/bin', '/usr/lib/libreoffice/program'],
  },
];

const PREFERRED_POSTGRES = '15';

function postgresVersions(rootfs) {
  let found = [];
  try {
    found = readdirSync(join(rootfs, '/usr/lib/postgresql'));
  } catch {
    // No PostgreSQL installed: only the preferred version's directory is worth naming.
  }
  const others = found.filter((v) => v !== PREFERRED_POSTGRES).sort((a, b) => Number(b) - Number(a));
  return [PREFERRED_POSTGRES, ...others];
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The programs of `part` when `dir` holds all of them, else undefined. */
function programsIn(part, dir) {
  const paths = {};
  for (const [name, files] of Object.entries(part.programs)) {
    const file = files.map((f) => join(dir, f)).find(isExecutable);
    if (!file) return undefined;
    paths[name] = file;
  }
  return paths;
}

/** Debian's locations for `part`, under SYSTEM_DEPS_ROOTFS when a test sets it. */
function debianDirs(part, env) {
  const rootfs = env.SYSTEM_DEPS_ROOTFS || '/';
  return part.debianDirs(rootfs).map((dir) => join(rootfs, dir));
}

/**
 * Where `part`'s programs are: its override, else the first directory on PATH, else Debian's
 * locations. Returns `{ paths }`, or `{ reason }` saying why not (`badOverride` when the
 * override points at nothing: installing would not help).
 */
export function locatePart(part, env = process.env) {
  const override = env[part.override.env];
  if (override) {
    const paths =
      part.override.kind === 'dir'
        ? programsIn(part, override)
        : isExecutable(override)
          ? { [Object.keys(part.programs)[0]]: override }
          : undefined;
    if (paths) return { paths };
    const wanted = part.override.kind === 'dir' ? `a directory holding ${Object.keys(part.programs).join(', ')}` : 'an executable file';
    return { reason: `${part.override.env}=${override} is not ${wanted}`, badOverride: true };
  }
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), ...debianDirs(part, env)];
  for (const dir of dirs) {
    const paths = programsIn(part, dir);
    if (paths) return { paths };
  }
  return { reason: `no ${Object.keys(part.programs).join('/')} on PATH or in ${debianDirs(part, env).join(', ')}` };
}

/** Every part, found or missing. */
export function checkParts(env = process.env) {
  return PARTS.map((part) => ({ part, ...locatePart(part, env) }));
}

/** The one command that installs `packages`, as the user running this should type it. */
export function installCommand(packages, isRoot) {
  return `${isRoot ? '' : 'sudo '}apt-get install -y ${packages.join(' ')}`;
}

/** One line: what is missing and the command that installs it. */
function missingLine(missing, advice) {
  const what = missing.map((m) => m.part.label).join(', ');
  const overrides = missing.map((m) => m.part.override.env).join(', ');
  return `system-deps: the tests need ${what}, not found on PATH or where Debian puts them. ${advice} (or set ${overrides}).`;
}

/** Thrown when a part is missing and cannot be (or was not) installed; `message` is one line. */
export class SystemDepsError extends Error {
  name = 'SystemDepsError';
}

/** What this machine allows: root? apt-get on PATH? */
export function hostFacts(env = process.env) {
  const isRoot = env.SYSTEM_DEPS_ASSUME_NONROOT === '1' ? false : process.getuid?.() === 0;
  const hasApt = (env.PATH ?? '').split(delimiter).some((dir) => dir && isExecutable(join(dir, 'apt-get')));
  return { isRoot, hasApt };
}

/** Runs apt-get, quiet unless it fails (then its output is shown and the run stops). */
function runApt(args, env) {
  // A fresh machine often runs unattended-upgrades at boot: wait for its lock instead of failing.
  const r = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { env: { ...env, DEBIAN_FRONTEND: 'noninteractive' }, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    throw new SystemDepsError(`system-deps: apt-get ${args.join(' ')} failed (exit ${r.status ?? r.error?.message})`);
  }
}

/**
 * Makes sure every part is present: as root with apt-get, installs what is missing (one
 * `apt-get update`, one `apt-get install`), then checks again. Throws SystemDepsError with one
 * line naming the exact command otherwise. Returns the found parts and the packages installed.
 * `facts` (root? apt-get?) and `apt` (runs apt-get) are injectable for tests.
 */
export function ensureSystemDeps({ env = process.env, facts = hostFacts(env), apt = runApt, log = () => {} } = {}) {
  const first = checkParts(env);
  const missing = first.filter((r) => !r.paths);
  if (missing.length === 0) return { found: first, installed: [] };
  const bad = missing.filter((m) => m.badOverride);
  if (bad.length > 0) throw new SystemDepsError(`system-deps: ${bad.map((m) => m.reason).join('; ')}: fix or unset it.`);

  const packages = [...new Set(missing.map((m) => m.part.apt))];
  const command = installCommand(packages, facts.isRoot);
  if (!facts.isRoot || !facts.hasApt) {
    const advice = facts.hasApt ? `Run: ${command}` : `No apt-get here; on Debian: ${command}`;
    throw new SystemDepsError(missingLine(missing, advice));
  }

  log(`system-deps: installing ${packages.join(' ')} with apt-get (a few minutes on a fresh machine)`);
  apt(['update', '-qq'], env);
  // Without recommends: theirs are desktop extras (upower, mesa drivers, fonts-liberation, sysstat)
  // that headless use does not need; LibreOffice and poppler were checked converting to PDF.
  apt(['install', '-y', '-qq', '--no-install-recommends', ...packages], env);

  const second = checkParts(env);
  const still = second.filter((r) => !r.paths);
  if (still.length > 0) throw new SystemDepsError(missingLine(still, `Still missing after: ${command}`));
  return { found: second, installed: packages };
}

/**
 * The absolute path of a program a suite needs, e.g. `systemPath('chromium')`, `systemPath('initdb')`,
 * `systemPath('soffice')`, `systemPath('pdftoppm')`. Throws with the command that installs it.
 */
export function systemPath(program, env = process.env) {
  const part = PARTS.find((p) => program in p.programs);
  if (!part) throw new Error(`system-deps: unknown program ${program}; known: ${PARTS.flatMap((p) => Object.keys(p.programs)).join(', ')}`);
  const found = locatePart(part, env);
  if (found.paths) return found.paths[program];
  throw new SystemDepsError(`system-deps: ${part.label} not found (${found.reason}); run \`node scripts/system-deps.mjs\` as root, or: ${installCommand([part.apt], false)}`);
}

function main() {
  const env = process.env;
  try {
    const { found, installed } = ensureSystemDeps({ env, log: (line) => console.log(line) });
    // Quiet when nothing was installed, so `npm test` output starts with the tests.
    if (installed.length === 0 && !process.argv.includes('--list')) return;
    for (const { part, paths } of found) {
      console.log(`system-deps: ${part.id} ${installed.includes(part.apt) ? 'installed' : 'found'}: ${Object.values(paths).join(' ')}`);
    }
  } catch (err) {
    if (!(err instanceof SystemDepsError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

// Run as a script (not imported by a suite).
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) main();
