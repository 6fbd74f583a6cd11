import type { Page } from 'playwright-core';

/** What the focused element is, as a keyboard user meets it: its tag, accessible label or text, and whether a focus ring is drawn. */
export interface Focused { tag: string; name: string; ring: boolean }

/** The focused element of `page` (see Focused). */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    // The project compiles without the DOM library (it is a server): the few browser names used here, typed loosely.
    const w = globalThis as unknown as { document: { activeElement: any }; getComputedStyle(el: unknown): { outlineStyle: string; outlineWidth: string; boxShadow: string } };
    const el = w.document.activeElement;
    if (!el) return { tag: '', name: '', ring: false };
    const style = w.getComputedStyle(el);
    const name = (el.getAttribute('aria-label') || (el.labels && el.labels[0]?.textContent) || el.textContent || '').trim().replace(/\s+/g, ' ');
    return { tag: el.tagName.toLowerCase(), name, ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none' };
  });
}

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element satisfies `want`, as someone
 * without a mouse walks a page; fails after `limit` presses, naming where focus went.
 */
export async function tabTo(page: Page, want: (f: Focused) => boolean, what: string, opts: { back?: boolean; limit?: number } = {}): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < (opts.limit ?? 120); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (want(f)) return f;
    seen.push(`${f.tag}:${f.name.slice(0, 40)}`);
  }
  throw new Error(`Tab never reached ${what}; focus went through ${seen.join(' | ')}`);
}

/** A Focused test: the element's label or text is exactly `name` (or matches it). */
export const named = (name: string | RegExp, tag?: string) => (f: Focused) => (tag === undefined || f.tag === tag) && (typeof name === 'string' ? f.name === name : name.test(f.name));
