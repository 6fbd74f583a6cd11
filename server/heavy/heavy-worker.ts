import { runHeavy, type HeavyTask } from './tasks.js';
import type { XlsxTask } from './xlsx-thread.js';

// A pool thread (ADR 017): runs one heavy task on the structured-cloned inputs and returns plain data.
// The shortlist workbook (ADR 037) streams its bytes back over the task's port instead; its module
// (and exceljs) is loaded on first use, so threads that only rank do not pay for it.
export default function run(task: HeavyTask | XlsxTask): unknown {
  if (task.kind === 'xlsx') return import('./xlsx-thread.js').then((m) => m.writeWorkbookInThread(task));
  return runHeavy(task);
}
