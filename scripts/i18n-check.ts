// `npm run i18n:check`: what the catalogue test would refuse, per language, for translators.
import { checkCatalogues } from '../server/i18n/catalogue-check.js';

const problems = checkCatalogues();
let total = problems.functions.length;
if (problems.functions.length) console.log(`Source messages still written as functions (make them icu(…)):\n  ${problems.functions.join('\n  ')}`);
for (const [locale, p] of Object.entries(problems.byLocale)) {
  for (const [kind, list] of Object.entries(p)) {
    if (!list.length) continue;
    total += list.length;
    console.log(`${locale} ${kind} (${list.length}):\n  ${list.slice(0, 200).join('\n  ')}`);
  }
}
console.log(total === 0 ? 'Catalogues complete.' : `${total} problems.`);
process.exitCode = total === 0 ? 0 : 1;
