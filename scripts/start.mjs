// `npm start`: the server as plain JavaScript (ADR 046). The TypeScript sources are transpiled
// file by file with esbuild (types stripped, JSX compiled; about a second) into
// .build/<hash of the sources>/ and the entry point is imported in this same process. tsx stays
// for tests, scripts and `npm run dev`: it costs each thread (the event loop's, the writer's, each
// pool thread) about 30 MB and half a second to start, which a served process should not pay.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The folders the server imports from; tests and scripts stay under tsx. */
const SOURCES = ['server', 'views', 'db', 'seeds'];
/** Folders the code reads at run time relative to its own files (public/, locales/). */
const ASSETS = ['public', 'locales'];
/** Builds other than the current one are removed once they are this old (a running server may still load from its own). */
const KEEP_OLD_MS = 7 * 24 * 3600 * 1000;

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
hash.update(readFileSync(join(ROOT, 'package-lock.json')));
for (const f of sources) hash.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
const buildsDir = join(ROOT, '.build');
const out = join(buildsDir, hash.digest('hex').slice(0, 16));
const entry = join(out, 'server', 'index.js');

if (!existsSync(entry)) {
  // Built beside the final folder and renamed into place: a process never sees half a build.
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
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
  try {
    renameSync(tmp, out);
  } catch (e) {
    // Another process starting at the same moment renamed the same build first.
    if (!existsSync(entry)) throw e;
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const name of readdirSync(buildsDir)) {
    const path = join(buildsDir, name);
    if (path !== out && Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
  }
}
// Stack traces name the TypeScript lines.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(entry).href);
