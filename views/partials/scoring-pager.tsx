import { m } from '../messages/index.js';

/** Previous / next between pages of vendors; nothing when they fit on one page. */
export function ScoringPager({ base, page, pages }: { base: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={m.chrome.vendorPages}>
      {page > 1 ? <a href={`${base}?page=${page - 1}`} class="button button-small">{m.scoring.prev}</a> : <span />}
      <span class="muted">{m.scoring.page(page, pages)}</span>
      {page < pages ? <a href={`${base}?page=${page + 1}`} class="button button-small">{m.scoring.next}</a> : <span />}
    </nav>
  );
}
