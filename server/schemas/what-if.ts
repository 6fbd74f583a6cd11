import { z } from '@hono/zod-openapi';
import { badRequest } from '../errors.js';
import { m } from '../../views/messages/index.js';

/** Most top-level criteria a what-if may list (a tree has a handful; this bounds the parse). */
/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

const MAX_PAIRS = 100;

/** `?weights=` as sent: `id:share` pairs, comma-separated (e.g. `12:40,13:60`). */
export const WhatIfWeightsParam = z.string().max(4000, { error: () => v.atMostChars(4000) })
  .openapi({ description: 'What-if: top-level criterion id → share as `id:share` pairs, comma-separated (`12:40,13:60`); shares ≥ 0, not all 0, taken in proportion to their sum; a top-level criterion not listed takes 0. Nothing is stored.' });

const Share = z.coerce.number({ error: () => v.share }).finite({ error: () => v.share }).min(0, { error: () => v.shareNegative }).max(1e9, { error: () => v.shareTooLarge });

/**
 * The what-if vector checked against the top-level criteria the reader sees (`known`): a 400 with
 * `fields` naming each bad pair, or the shares normalised to sum 1 (every known id present).
 */
export function parseWhatIfWeights(raw: string, known: readonly string[]): Record<string, number> {
  const pairs = raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const known_ = new Set(known);
  const schema = z.array(z.tuple([z.string(), Share])).max(MAX_PAIRS, { error: () => v.tooManyCriteria(MAX_PAIRS) })
    .superRefine((xs, ctx) => {
      xs.forEach(([id], i) => { if (!known_.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `weights.${id}` }); });
      if (xs.length > 0 && xs.every(([, w]) => w === 0)) ctx.addIssue({ code: 'custom', path: [], message: 'all-zero' });
    });
  const parsed = schema.safeParse(pairs.map((p) => { const at = p.lastIndexOf(':'); return at < 0 ? [p, NaN] : [p.slice(0, at), p.slice(at + 1)]; }));
  if (pairs.length === 0) throw badRequest(m.errors.whatIfEmpty, { weights: m.errors.whatIfEmptyField });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const i = typeof issue.path[0] === 'number' ? issue.path[0] : -1;
      const id = i >= 0 ? pairs[i]!.split(':')[0] : '';
      if (issue.message === 'all-zero') fields.weights = v.whatIfAllZero;
      else if (issue.message.startsWith('weights.')) fields[issue.message] = v.whatIfUnknown;
      else fields[i >= 0 ? `weights.${id}` : 'weights'] = issue.message;
    }
    throw badRequest(m.errors.whatIfUnusable, fields);
  }
  const sum = parsed.data.reduce((s, [, w]) => s + w, 0);
  const out: Record<string, number> = Object.fromEntries(known.map((id) => [id, 0]));
  for (const [id, w] of parsed.data) out[id] = w / sum;
  return out;
}
