import { AsyncLocalStorage } from 'node:async_hooks';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { nextTurn } from '../server/next-turn.js';

/**
 * Long lists rendered in steps (issue 15, promise 1: nobody waits). A page of every vendor of a
 * landscape is 17 MB of HTML; rendered in one String(node) it held the event loop for 2 s. A list
 * wrapped in <InSteps> leaves a marker in the page instead; views/render.ts then sends the page as
 * a stream and renders the list STEP items at a time between turns of the loop, where the marker
 * was. Outside a render that can stream (a PDF's HTML, a test's String(node)) the list renders in
 * place, so a caller can never get a page with a marker left in it.
 */

interface Deferred { marker: string; items: readonly unknown[]; each: (item: never, index: number) => Child }

const pending = new AsyncLocalStorage<Deferred[]>();
const STEP = 500;
/** Items rendered at a time in a streamed list, and the time a turn may take before it yields. */
const PIECE = 20;
const TURN_MS = 8;
let counter = 0;

/** Renders `each` for every item; in steps when the page is streamed and the list is long. */
export function InSteps<T>({ items, each }: { items: readonly T[]; each: (item: T, index: number) => Child }) {
  const deferred = pending.getStore();
  if (!deferred || items.length <= STEP) return <>{items.map(each)}</>;
  const marker = `<!--in-steps:${++counter}-->`;
  deferred.push({ marker, items, each: each as Deferred['each'] });
  return raw(marker);
}

/** A page rendered, with the lists left for later; `rest` is empty when nothing was deferred. */
export function renderDeferring(node: unknown): { head: string; rest: Deferred[] } {
  const deferred: Deferred[] = [];
  const head = pending.run(deferred, () => String(node));
  return { head, rest: deferred };
}

/**
 * The text of a page rendered by renderDeferring, in pieces, with a turn of the loop between steps.
 * The lists render in the request's context (its language) although the body is read after the
 * handler returned: the context is taken now, when the page is answered.
 */
export function piecesInSteps(text: string, rest: Deferred[]): AsyncGenerator<string> {
  return pieces(text, rest, AsyncLocalStorage.snapshot());
}

async function* pieces(text: string, rest: Deferred[], inRequest: <R>(fn: () => R) => R): AsyncGenerator<string> {
  let from = 0;
  for (const d of rest) {
    const at = text.indexOf(d.marker, from);
    if (at < 0) continue;
    yield text.slice(from, at);
    for (let i = 0; i < d.items.length;) {
      await nextTurn();
      // Pieces of PIECE items until the turn's budget is spent: a fixed 500 rows held the loop for
      // 30–90 ms on a loaded machine (issue 15, promise 1); the text is the same either way.
      const parts: string[] = [];
      const until = performance.now() + TURN_MS;
      do {
        const from = i;
        parts.push(inRequest(() => String(<>{d.items.slice(from, from + PIECE).map((item, j) => d.each(item as never, from + j))}</>)));
        i += PIECE;
      } while (i < d.items.length && performance.now() < until);
      yield parts.join('');
    }
    from = at + d.marker.length;
  }
  yield text.slice(from);
}

/** `piecesInSteps` all at once, for an answer that must be one string. */
export function wholeText(text: string, rest: Deferred[]): string {
  let out = text;
  for (const d of rest) out = out.replace(d.marker, () => String(<>{d.items.map((item, j) => d.each(item as never, j))}</>));
  return out;
}
