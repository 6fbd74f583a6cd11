import { m } from '../messages/index.js';

/**
 * "You have scored n of m cells". The grid page renders it in place; each saved cell's htmx answer
 * carries it again with `hx-swap-oob`, so the counter moves with every save without a reload.
 */
export function GridProgress({ done, total, oob }: { done: number; total: number; oob?: boolean }) {
  return <p class="progress-text" id="grid-progress" role="status" {...(oob ? { 'hx-swap-oob': 'true' } : {})}>{m.scoring.progress(done, total)}</p>;
}
