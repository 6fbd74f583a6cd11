// Starts a heavy-work pool thread (heavy-worker.ts), as score-write-worker.boot.mjs starts the
// writer. From the sources (tests, `npm run dev`) a worker does not inherit the TypeScript loader of
// the thread that starts it, so it registers tsx's before loading the real entry; in the build
// `npm start` runs (ADR 046) the entry is JavaScript already. piscina calls the default export.
import { existsSync } from 'node:fs';

const fromSources = existsSync(new URL('./heavy-worker.ts', import.meta.url));
if (fromSources) (await import('tsx/esm/api')).register();
const { default: run } = await import(fromSources ? './heavy-worker.ts' : './heavy-worker.js');
export default run;
