import { runHeavy, type HeavyTask } from './tasks.js';
import { withLocale } from '../i18n/current.js';
import type { Locale } from '../i18n/locales.js';
import type { XlsxTask } from './xlsx-thread.js';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { packView } from './packed-rows.js';
import { readLonglistInThread, type LonglistTask } from './longlist-thread.js';
import { receivedTask } from './posted-vendors.js';
import type { RankingView } from '../read-models/ranking.js';

// A pool thread (ADR 017): runs one heavy task on the structured-cloned inputs and returns plain
// data. It runs in the language of the request that asked for it, for the tasks that still make
// text there: the workbook's headings and a longlist file's error message (ADR 036). Rankings carry
// no text: their exclusion reasons are phrased by the reader (views/must-have-reasons.ts).
// The shortlist workbook (ADR 037) streams its bytes back over the task's port instead; its module
// (and exceljs) is loaded on first use, so threads that only rank do not pay for it. A longlist's
// checked lines go back over its port too, a step at a time (longlist-thread.ts).
export default function run({ task, locale }: { task: HeavyTask | XlsxTask | LonglistTask; locale: Locale }): unknown {
  return withLocale(locale, () => {
    if (task.kind === 'xlsx') return import('./xlsx-thread.js').then((m) => m.writeWorkbookInThread(task));
    if (task.kind === 'longlist') return readLonglistInThread(task);
    return movable(task.kind, runHeavy(receivedTask(task)));
  });
}

/**
 * Bytes a task made (a shortlist file) are moved back, not copied: a structured clone of megabytes
 * is one more stretch of the event loop's time. A ranking's rows are packed into typed arrays and
 * moved; other results are cloned as they are.
 */
function movable(kind: HeavyTask['kind'], result: unknown): unknown {
  if (result instanceof Uint8Array && result.byteOffset === 0 && result.byteLength === result.buffer.byteLength) return move(result);
  if (kind !== 'rank') return result;
  // A ranking's rows go back as columns in typed arrays, moved (packed-rows.ts); pool.ts rebuilds them.
  const packed = packView(result as RankingView);
  return packed ? move({ [transferableSymbol]: packed.transfer, [valueSymbol]: packed.packed }) : result;
}
