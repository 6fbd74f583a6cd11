import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface RunningServer {
  port: number;
  pid: number;
  /** SIGKILL: no shutdown code runs, as in a crash. Resolves once the process is gone. */
  kill: () => Promise<void>;
  /** SIGTERM: the server's own shutdown. */
  stop: () => Promise<void>;
}

export interface Standby {
  /** Starts server/index.ts in the warmed process and resolves once it listens. */
  start: () => Promise<RunningServer>;
  /** Ends a standby that was never started. */
  discard: () => Promise<void>;
}

const gone = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

/**
 * A server process for `dbPath` on an ephemeral port, its modules loading now
 * (test/setup/standby-server.ts); `start()` runs the real entry point. Node with tsx's loader
 * directly, not `npm start`: npm and the tsx CLI each put a parent process in front of the server,
 * and a SIGKILL sent to a parent leaves the server running.
 */
export function standbyServer(dbPath: string, env: Record<string, string> = {}): Standby {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/setup/standby-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', SEED_DEMO: '0', PORT: '0', DATABASE_PATH: dbPath, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (d) => { output += String(d); });
  child.stderr!.on('data', (d) => { output += String(d); });
  const kill = (signal: NodeJS.Signals) => () => { child.kill(signal); return gone(child); };
  return {
    start: () => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
      const look = () => {
        const port = /listening on http:\/\/localhost:(\d+)/.exec(output)?.[1];
        if (!port) return;
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve({ port: Number(port), pid: child.pid!, kill: kill('SIGKILL'), stop: kill('SIGTERM') });
      };
      child.stdout!.on('data', look);
      child.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`)); });
      child.send('go');
    }),
    discard: kill('SIGKILL'),
  };
}

/** A server for `dbPath`, started and listening. */
export const startServer = (dbPath: string, env: Record<string, string> = {}): Promise<RunningServer> => standbyServer(dbPath, env).start();

/**
 * The server as `npm start` runs it (ADR 046: scripts/start.mjs builds the sources into plain
 * JavaScript once, then serves that), on an ephemeral port; resolves once it listens.
 */
export function startBuiltServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', SEED_DEMO: '0', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`npm start did not listen in 90 s:\n${output}`)); }, 90_000);
    child.stdout!.on('data', (d) => {
      output += String(d);
      const port = /listening on http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (!port) return;
      clearTimeout(timer);
      const kill = (signal: NodeJS.Signals) => () => { child.kill(signal); return gone(child); };
      resolve({ port: Number(port), pid: child.pid!, kill: kill('SIGKILL'), stop: kill('SIGTERM') });
    });
    child.stderr!.on('data', (d) => { output += String(d); });
    child.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`npm start exited (${code ?? signal}) before listening:\n${output}`)); });
  });
}
