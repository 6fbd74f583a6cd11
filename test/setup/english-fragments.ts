import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { sourceMessages } from '../../views/messages/icu.js';
import { messageSource } from '../../views/messages/index.js';
import { readCatalogue } from '../../server/i18n/catalogues.js';
import type { Locale } from '../../server/i18n/locales.js';

/** The literal words of an ICU message, placeholders and branches taken apart. */
function literals(elements: MessageFormatElement[], into: string[]): string[] {
  for (const el of elements) {
    if (el.type === TYPE.literal) into.push(el.value);
    if (el.type === TYPE.select || el.type === TYPE.plural) for (const o of Object.values(el.options)) literals(o.value, into);
  }
  return into;
}

/**
 * English source text that must not appear on a page in `locale` (issue 16, item 3): each message's
 * literal runs of at least two words and ten letters, unless the translation says the same (a
 * word both languages share, like "Stakeholder"). The built-in template's text is left out: it
 * becomes the team's data.
 */
export function englishFragments(locale: Locale): string[] {
  const catalogue = readCatalogue(locale);
  const fragments = new Set<string>();
  for (const [key, msg] of sourceMessages(messageSource)) {
    // The template's criteria become the team's own data once an evaluation is made from it (the
    // demo's were made in English): names and descriptions stay as the team has them.
    if ('fn' in msg || key.startsWith('template.')) continue;
    const translated = catalogue.get(key) ?? '';
    const runs = msg.icu ? literals(parse(msg.text, { ignoreTag: true }), []) : [msg.text];
    for (const run of runs.flatMap((r) => r.split(/[.:;!?()“”"]\s*/))) {
      const text = run.trim();
      if (text.length >= 10 && /\s/.test(text) && !translated.toLowerCase().includes(text.toLowerCase())) fragments.add(text);
    }
  }
  return [...fragments];
}
