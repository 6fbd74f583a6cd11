import { runHeavy, type HeavyTask } from './tasks.js';
import { withLocale } from '../i18n/current.js';
import type { Locale } from '../i18n/locales.js';
import type { XlsxTask } from './xlsx-thread.js';

// A pool thread (ADR 017): runs one heavy task on the structured-cloned inputs and returns plain
// data, in the language of the request that asked for it (an exclusion's reason is text; ADR 034).
// The shortlist workbook (ADR 037) streams its bytes back over the task's port instead; its module
// (and exceljs) is loaded on first use, so threads that only rank do not pay for it.
export default function run({ task, locale }: { task: HeavyTask | XlsxTask; locale: Locale }): unknown {
  return withLocale(locale, () => (task.kind === 'xlsx' ? import('./xlsx-thread.js').then((m) => m.writeWorkbookInThread(task)) : runHeavy(task)));
}
