import { m } from '../messages/index.js';
import { LOCALES, LOCALE_NAMES } from '../../server/i18n/locales.js';
import { currentLocale } from '../../server/i18n/current.js';

/**
 * One button per language, each named in its own language (and marked with it, so a screen reader
 * says "Deutsch" in German). A plain form: works without JavaScript, and by keyboard. It does not
 * echo the page's address (that could carry someone else's `?next=`): the switch returns to the
 * page through its same-origin Referer.
 */
export function LanguageSwitcher() {
  const here = currentLocale();
  return (
    <form method="post" action="/language" class="language-switcher" aria-label={m.language.switchTo}>
      {LOCALES.map((l) => (
        <button type="submit" name="lang" value={l} lang={l} class="link-button" aria-label={LOCALE_NAMES[l]} title={LOCALE_NAMES[l]} aria-current={l === here ? 'true' : undefined}>
          {l.toUpperCase()}
        </button>
      ))}
    </form>
  );
}
