import { createHash } from 'node:crypto';
import type { Actor } from '../actor.js';
import type { RankingInputs } from '../read-models/ranking.js';
import type { RankVendor } from '../domain/types.js';
import { vendorsText } from './posted-vendors.js';

/**
 * The cache key of a heavy result (ADR 017): the evaluation, the data version (cells_version of
 * the team's cells, or a digest of the reader's own cells), the weight version, the visibility
 * view (prices sealed or not; team or own scores, and then whose), and a digest of everything
 * else the result is computed from (criteria, weights, vendors with their prices, rationales, the
 * task's arguments). Two readers share a result only when the rule showed them the same data.
 */
export function heavyKey(a: Actor, inputs: RankingInputs, kind: string, args: unknown): string {
  const view = inputs.view === 'own' ? `own:${a.userId}` : 'team';
  const cells = inputs.view === 'team' && inputs.cellsVersion !== undefined ? `v${inputs.cellsVersion}` : matrixDigest(inputs);
  const rest = createHash('sha1')
    .update(JSON.stringify([inputs.nodes, [...inputs.local], vendorsDigest(inputs.vendors), inputs.scale, [...inputs.rationales], inputs.costFormula, args]))
    .digest('base64url');
  return [kind, a.evaluation.id, cells, `w${inputs.weightVersion ?? '-'}`, view, inputs.pricesHidden ? 'sealed' : 'prices', rest].join('|');
}

/** A digest of a matrix's cells (a reader's own cells carry no version of their own). */
function matrixDigest({ matrix: m }: RankingInputs): string {
  const h = createHash('sha1').update(JSON.stringify([[...m.rows], [...m.cols], m.stride]));
  for (const a of [m.value, m.consensus, m.hasConsensus, m.pass, m.fail]) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return `d${h.digest('base64url')}`;
}

/**
 * A digest of the vendors (with their prices), kept per list: a ranking page keys several heavy
 * jobs on the same loaded inputs, and stringifying the landscape's 14,000 vendors took about 10 ms
 * a time (issue 15, promise 1). A loaded list is never changed in place (a what-if copies the inputs).
 */
const vendorDigests = new WeakMap<readonly RankVendor[], string>();
function vendorsDigest(vendors: readonly RankVendor[]): string {
  let d = vendorDigests.get(vendors);
  if (d === undefined) vendorDigests.set(vendors, (d = createHash('sha1').update(vendorsText(vendors)).digest('base64url')));
  return d;
}
