// Starts a heavy-work pool thread (heavy-worker.ts), as score-write-worker.boot.mjs starts the
// writer: a worker does not inherit the TypeScript loader of the thread that starts it, so it
// registers tsx's before loading the real entry. piscina calls this module's default export.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./heavy-worker.ts');
export default run;
