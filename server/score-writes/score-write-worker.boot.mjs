// Starts the writer thread (score-write-worker.ts). From the sources (tests, `npm run dev`) a
// worker does not inherit the TypeScript loader of the thread that starts it, so it registers
// tsx's before loading the real entry; in the build `npm start` runs (ADR 046) it is JavaScript.
import { existsSync } from 'node:fs';

const fromSources = existsSync(new URL('./score-write-worker.ts', import.meta.url));
if (fromSources) (await import('tsx/esm/api')).register();
await import(fromSources ? './score-write-worker.ts' : './score-write-worker.js');
