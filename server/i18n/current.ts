import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LOCALE, type Locale } from './locales.js';

/**
 * The language of the work in hand, and the address being answered (the language switcher sends
 * the visitor back to it). Set once per request by the locale middleware (and by a worker or mail
 * job for the person it works for), read wherever text is made, so no view, message or error has to
 * be handed the language and none can forget it (ADR 032).
 */
interface Here { locale: Locale; path: string }
const store = new AsyncLocalStorage<Here>();

export const currentLocale = (): Locale => store.getStore()?.locale ?? DEFAULT_LOCALE;

/** The path and query being answered, or `/` outside a request. */
export const currentPath = (): string => store.getStore()?.path ?? '/';

export function withLocale<T>(locale: Locale, work: () => T, path = currentPath()): T {
  return store.run({ locale, path }, work);
}
