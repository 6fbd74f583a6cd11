/**
 * The few browser globals that functions passed to `page.evaluate` use. The project compiles without
 * the DOM library (it is a server), so a browser test casts `globalThis` to this inside the function:
 * `page.evaluate(() => (globalThis as unknown as BrowserWindow).innerWidth)`.
 */
export interface BrowserElement {
  getBoundingClientRect(): { left: number; top: number; right: number; bottom: number; width: number; height: number };
  contains(other: unknown): boolean;
  getAttribute(name: string): string | null;
  outerHTML: string; tagName: string; className: string;
}
export interface BrowserWindow {
  document: {
    querySelector(selector: string): BrowserElement | null;
    querySelectorAll(selector: string): ArrayLike<BrowserElement>;
    elementFromPoint(x: number, y: number): BrowserElement | null;
    activeElement: BrowserElement | null;
    documentElement: { scrollWidth: number; clientWidth: number };
  };
  innerWidth: number; innerHeight: number;
  scrollBy(x: number, y: number): void;
  getComputedStyle(el: BrowserElement): { outlineStyle: string };
}
