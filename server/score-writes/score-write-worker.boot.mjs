// Starts the writer thread (score-write-worker.ts). A worker does not inherit the TypeScript
// loader of the thread that starts it, so it registers tsx's before loading the real entry.
import { register } from 'tsx/esm/api';

register();
await import('./score-write-worker.ts');
