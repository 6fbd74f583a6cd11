import { z } from 'zod';
import { m } from '../../../views/messages/index.js';
import { parseDecimal } from '../../forms.js';
import { currentLocale } from '../../i18n/current.js';
import { FormId } from './fields.js';

/**
 * The conflict-of-interest declaration above the grid: "yes" with a description of at least three
 * characters (cut at 2000), or "no". Parses to the service's body.
 */
export const DeclarationFormSchema = z
  .object({ conflict: z.enum(['yes', 'no'], { error: () => m.scoring.declareMissing }), description: z.string().optional() })
  .refine((f) => f.conflict === 'no' || (f.description ?? '').trim().length >= 3, { path: ['description'], error: () => m.scoring.declareNeedsText })
  .transform((f) => (f.conflict === 'yes' ? { conflict: true as const, description: (f.description ?? '').trim().slice(0, 2000) } : { conflict: false as const }));

/**
 * "3", "3,5", "N/A", "abstain" (or the word of the reader's language, as the grid shows it) or ""
 * from a grid cell → a number, null (N/A), undefined (cleared) or what the cell must say.
 */
export function parseCellValue(raw: string): number | null | undefined | 'invalid' | 'abstain' {
  const s = raw.trim();
  if (s === '') return undefined;
  const word = s.toLocaleLowerCase(currentLocale());
  if (word === 'abstain' || word === m.scoring.abstainWord.toLocaleLowerCase(currentLocale())) return 'abstain';
  if (/^(n\/?a|-)$/i.test(s)) return null;
  const n = parseDecimal(s);
  return Number.isFinite(n) ? n : 'invalid';
}

/**
 * One grid cell's form. Only the vendor and criterion must be ids; an unreadable value is not a
 * form error but a state of the cell (scoring.pages.tsx answers it in place, as it does a stale
 * version or a locked cell).
 */
export const ScoreCellFormSchema = z.object({
  vendorId: FormId.pipe(z.number()),
  criterionId: FormId.pipe(z.number()),
  value: z.string().default(''),
  comment: z.string().optional().transform((s) => (s ?? '').slice(0, 2000)),
  version: z.string().optional().transform((s) => Number(s) || 0),
});
