import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LOCALE, type Locale } from './locales.js';

/**
 * The language of the work in hand. Set once per request by the locale middleware (and by a worker or mail
 * job for the person it works for), read wherever text is made, so no view, message or error has to
 * be handed the language and none can forget it (ADR 034).
 */
const store = new AsyncLocalStorage<Locale>();

export const currentLocale = (): Locale => store.getStore() ?? DEFAULT_LOCALE;

export function withLocale<T>(locale: Locale, work: () => T): T {
  return store.run(locale, work);
}
