import { nextTurn } from '../next-turn.js';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { importLonglist, type ImportProgress, type ImportResult } from './vendor-import.js';
import { describeError } from '../errors.js';
import type { Actor } from '../actor.js';
import { m } from '../../views/messages/index.js';

/**
 * Longlist files uploaded on the import page, kept in memory between its steps (upload → preview
 * and mapping → import with live progress). An upload belongs to one evaluation and one user and
 * expires after half an hour unused; each user keeps a few at most, so a forgotten upload cannot
 * pile up. One process holds them: behind several app processes the steps would need sticky sessions.
 */

/** What the import page streams: progress as it advances, then the end (a result or a failure). */
export type ImportEvent =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'result'; result: ImportResult }
  | { type: 'failed'; message: string };

export interface ImportJob {
  state: 'pending' | 'running' | 'done' | 'failed';
  progress: ImportProgress;
  result: ImportResult | null;
  error: string | null;
  /** Starts the import if it has not started; safe to call more than once. */
  start: () => void;
  /** Listens to the job's events until it ends; returns the unsubscribe function. */
  subscribe: (listener: (e: ImportEvent) => void) => () => void;
}

export interface Upload {
  key: string;
  evaluationId: number;
  userId: number;
  fileName: string;
  bytes: number;
  /** The decoded file; dropped once imported, to free the memory. */
  text: string | null;
  expiresAt: number;
  job: ImportJob | null;
}

export const UPLOAD_TTL_MS = 30 * 60 * 1000;
const PER_USER = 3;
const TOTAL = 24;
/** A job nobody watches (no JavaScript on the page) starts on its own after this long. */
const UNWATCHED_START_MS = 1500;

const uploads = new Map<string, Upload>();

function sweep(now = Date.now()): void {
  for (const [key, u] of uploads) if (u.expiresAt <= now && u.job?.state !== 'running') uploads.delete(key);
}

/** Keeps a file for the next steps; the oldest uploads of the same user (and overall) make room. */
export function keepUpload(evaluationId: number, userId: number, fileName: string, bytes: number, text: string): Upload {
  sweep();
  const idle = (u: Upload) => u.job?.state !== 'running';
  const mine = [...uploads.values()].filter((u) => u.userId === userId && idle(u));
  for (const u of mine.slice(0, Math.max(0, mine.length - PER_USER + 1))) uploads.delete(u.key);
  const all = [...uploads.values()].filter(idle);
  for (const u of all.slice(0, Math.max(0, uploads.size - TOTAL + 1))) uploads.delete(u.key);
  const upload: Upload = { key: randomBytes(18).toString('base64url'), evaluationId, userId, fileName, bytes, text, expiresAt: Date.now() + UPLOAD_TTL_MS, job: null };
  uploads.set(upload.key, upload);
  return upload;
}

/** The upload with that key if it belongs to this evaluation and user (and has not expired). */
export function findUpload(key: string, evaluationId: number, userId: number): Upload | undefined {
  sweep();
  const u = uploads.get(key);
  if (!u || u.evaluationId !== evaluationId || u.userId !== userId) return undefined;
  u.expiresAt = Date.now() + UPLOAD_TTL_MS;
  return u;
}


/**
 * Prepares the import of an upload (its text already mapped). It starts when the progress stream
 * connects, so the page sees it from the first chunk, or on its own shortly after.
 */
export function prepareImport(upload: Upload, db: Db, actor: Actor, mapped: string): ImportJob {
  const listeners = new Set<(e: ImportEvent) => void>();
  const emit = (e: ImportEvent) => {
    for (const l of [...listeners]) l(e);
  };
  const job: ImportJob = {
    state: 'pending',
    progress: { phase: 'writing', done: 0, total: 0, rejected: 0 },
    result: null,
    error: null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (job.state !== 'pending') return;
      job.state = 'running';
      clearTimeout(timer);
      importLonglist(db, actor, mapped, {
        onProgress: async (p) => {
          job.progress = p;
          emit({ type: 'progress', progress: p });
          await nextTurn();
        },
      }).then(
        (result) => {
          job.state = 'done';
          job.result = result;
          upload.text = null;
          emit({ type: 'result', result });
        },
        (err: unknown) => {
          job.state = 'failed';
          const e = describeError(err);
          job.error = e.status >= 500 ? m.errors.importFailed : e.message;
          if (e.status >= 500) console.error(err);
          emit({ type: 'failed', message: job.error });
        },
      );
    },
  };
  const timer = setTimeout(() => job.start(), UNWATCHED_START_MS);
  timer.unref?.();
  upload.job = job;
  return job;
}
