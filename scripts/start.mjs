// `npm start`: the server as plain JavaScript (ADR 046). The TypeScript sources are transpiled
// file by file with esbuild (types stripped, JSX compiled; about a second) into
// .build/<hash of the sources>/ and the entry point is imported in this same process. tsx stays
// for tests, scripts and `npm run dev`: it costs each thread (the event loop's, the writer's, each
// pool thread) about 30 MB and half a second to start, which a served process should not pay.
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The folders the server imports from; tests and scripts stay under tsx. */
const SOURCES = ['server', 'views', 'db', 'seeds'];
/** Folders the code reads at run time relative to its own files (public/, locales/). */
const ASSETS = ['public', 'locales'];
/**
 * Builds no live process uses are removed once nobody has started them for this long. A running
 * server still loads modules from its own build (pool threads restart, the workbook's module), so
 * a build with a live process's marker in `.pids/` is never removed, however old.
 */
const KEEP_OLD_MS = 30 * 24 * 3600 * 1000;
/** Written last into a build: a folder without it is not a whole build. */
const COMPLETE = '.complete';

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path) : [path];
  });
}

const sources = SOURCES.flatMap((d) => filesUnder(join(ROOT, d))).filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.endsWith('.d.ts')).sort();

// The build's name is a hash of what goes into it, so a changed file means a new build and two
// processes starting together agree on one folder.
const hash = createHash('sha256');
// What else decides the output: the lock file (the libraries), the compiler settings, this script.
for (const f of ['package-lock.json', 'tsconfig.json', 'scripts/start.mjs']) hash.update(readFileSync(join(ROOT, f)));
for (const f of sources) hash.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
const buildsDir = join(ROOT, '.build');
const out = join(buildsDir, hash.digest('hex').slice(0, 16));
const entry = join(out, 'server', 'index.js');

/** Whether a live process has marked the build as its own (EPERM: alive, someone else's). */
function inUse(dir) {
  let pids = [];
  try { pids = readdirSync(join(dir, '.pids')); } catch { return false; }
  return pids.some((pid) => {
    try { process.kill(Number(pid), 0); return true; } catch (e) { return e.code === 'EPERM'; }
  });
}

if (!existsSync(join(out, COMPLETE))) {
  // Built beside the final folder and renamed into place: a process never sees half a build. The
  // temporary name is random: processes in containers sharing a checkout may all be pid 1.
  const tmp = `${out}.tmp-${randomUUID()}`;
  await build({
    entryPoints: sources.filter((f) => !f.endsWith('.mjs')),
    outdir: tmp,
    outbase: ROOT,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // The boot files of the worker threads are JavaScript already; they load their .js sibling here.
  for (const f of sources.filter((s) => s.endsWith('.mjs'))) cpSync(f, join(tmp, relative(ROOT, f)));
  for (const a of ASSETS) symlinkSync(join('..', '..', a), join(tmp, a));
  writeFileSync(join(tmp, COMPLETE), '');
  try {
    renameSync(tmp, out);
  } catch (e) {
    // Another process starting at the same moment renamed the same build first.
    if (!existsSync(join(out, COMPLETE))) throw e;
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const name of readdirSync(buildsDir)) {
    const path = join(buildsDir, name);
    // Another process may be removing it, or building into it, at this moment: skip what vanished.
    const st = statSync(path, { throwIfNoEntry: false });
    if (path === out || !st || Date.now() - st.mtimeMs <= KEEP_OLD_MS || inUse(path)) continue;
    rmSync(path, { recursive: true, force: true });
  }
}
// This process's marker, and the build's time as its last start, for the pruning above.
mkdirSync(join(out, '.pids'), { recursive: true });
const marker = join(out, '.pids', String(process.pid));
writeFileSync(marker, '');
utimesSync(out, new Date(), new Date());
process.once('exit', () => { try { unlinkSync(marker); } catch { /* already gone */ } });
// Stack traces name the TypeScript lines.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(entry).href);
