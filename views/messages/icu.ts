import { translate, type MessageValues } from '../../server/i18n/catalogues.js';

/**
 * A message with values, written in ICU MessageFormat, with the function that names its values.
 * `icu('{n, plural, one {# vendor} other {# vendors}}', (n: number) => ({ n }))` is called as
 * `m.x.y(3)` and is translated, values and all, in the request's language.
 */
export interface Icu<A extends unknown[]> {
  readonly icu: string;
  readonly values: (...args: A) => MessageValues;
}

export function icu<A extends unknown[]>(text: string, values: (...args: A) => MessageValues): Icu<A> {
  return { icu: text, values };
}

const isIcu = (x: unknown): x is Icu<unknown[]> => typeof x === 'object' && x !== null && typeof (x as Icu<unknown[]>).icu === 'string' && typeof (x as Icu<unknown[]>).values === 'function';

/** What a message tree looks like to the views: strings stay strings, ICU messages become functions. */
export type Localised<T> = T extends string
  ? string
  : T extends Icu<infer A>
    ? (...args: A) => string
    : T extends (...args: never[]) => unknown
      ? T
      : { readonly [K in keyof T]: Localised<T[K]> }; // tuples stay tuples (homomorphic mapped type)

/**
 * The English source tree turned into one that answers in the current language. Plain strings are
 * getters, so `m.ranking.title` is looked up when it is read (inside the request), never frozen at
 * import. Any other function is passed through unchanged (the catalogue test refuses them).
 */
export function localise<T extends object>(source: T, prefix = ''): Localised<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') Object.defineProperty(out, key, { enumerable: true, get: () => translate(path, value) });
    else if (isIcu(value)) out[key] = (...args: unknown[]) => translate(path, value.icu, value.values(...args));
    else if (Array.isArray(value)) Object.defineProperty(out, key, { enumerable: true, get: () => value.map((v: string, i) => translate(`${path}.${i}`, v)) });
    else if (typeof value === 'object' && value !== null) out[key] = localise(value as object, path);
    else out[key] = value;
  }
  return Object.freeze(out) as Localised<T>;
}

/** Every message of a source tree by key, as the catalogue test and `npm run i18n:extract` see it. */
export function sourceMessages(source: object, prefix = '', into = new Map<string, { text: string; icu: boolean } | { fn: true }>()) {
  for (const [key, value] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into.set(path, { text: value, icu: false });
    else if (isIcu(value)) into.set(path, { text: value.icu, icu: true });
    else if (Array.isArray(value)) value.forEach((v: string, i) => into.set(`${path}.${i}`, { text: v, icu: false }));
    else if (typeof value === 'function') into.set(path, { fn: true });
    else if (typeof value === 'object' && value !== null) sourceMessages(value, path, into);
  }
  return into;
}
