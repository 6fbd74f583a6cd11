import { runHeavy, type HeavyTask } from './tasks.js';
import { withLocale } from '../i18n/current.js';
import type { Locale } from '../i18n/locales.js';

// A pool thread (ADR 017): runs one heavy task on the structured-cloned inputs and returns plain
// data, in the language of the request that asked for it (an exclusion's reason is text; ADR 034).
export default function run({ task, locale }: { task: HeavyTask; locale: Locale }): unknown {
  return withLocale(locale, () => runHeavy(task));
}
