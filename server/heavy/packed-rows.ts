import type { RankRow } from '../domain/ranking.js';
import type { RankingView } from '../read-models/ranking.js';
import { nextTurn } from '../next-turn.js';

/**
 * A ranking's rows as columns, for the way back from a pool thread (issue 15, promise 1). Cloned
 * as 14,000 row objects each with its breakdown object, the landscape's ranking was rebuilt on the
 * event loop in one go, and the garbage collector then held it for 30–100 ms; as typed arrays the
 * figures are moved (not copied), and the rows are rebuilt a step at a time between turns.
 * Every row's breakdown has the same keys in the same order (`rankMatrix` fills each from the
 * top-level criteria), so one key list rebuilds them all; a row that did not would be sent as is.
 */
interface PackedRows {
  keys: string[]; vendorIds: string[]; names: string[];
  rank: Float64Array; total: Float64Array; coverage: Float64Array; provisional: Uint8Array; parts: Float64Array;
}

export type PackedView = Omit<RankingView, 'result'> & { result: Omit<RankingView['result'], 'rows'> & { packedRows: PackedRows } };

/** Rows rebuilt per turn of the loop. */
const STEP = 2000;

const sameKeys = (rows: readonly RankRow[], keys: readonly string[]): boolean =>
  rows.every((r) => { const k = Object.keys(r.breakdown); return k.length === keys.length && k.every((x, i) => x === keys[i]); });

/** The view with its rows as columns, and the buffers to move; null when the rows do not pack (then the view goes as is). */
export function packView(view: RankingView): { packed: PackedView; transfer: ArrayBuffer[] } | null {
  const { rows } = view.result;
  const keys = rows.length > 0 ? Object.keys(rows[0]!.breakdown) : [];
  if (!sameKeys(rows, keys)) return null;
  const n = rows.length;
  const p: PackedRows = {
    keys, vendorIds: rows.map((r) => r.vendorId), names: rows.map((r) => r.name),
    rank: new Float64Array(n), total: new Float64Array(n), coverage: new Float64Array(n), provisional: new Uint8Array(n), parts: new Float64Array(n * keys.length),
  };
  rows.forEach((r, i) => {
    p.rank[i] = r.rank;
    p.total[i] = r.total;
    p.coverage[i] = r.coverage;
    p.provisional[i] = r.provisional ? 1 : 0;
    keys.forEach((k, t) => { p.parts[i * keys.length + t] = r.breakdown[k]!; });
  });
  const { rows: _rows, ...rest } = view.result;
  return { packed: { ...view, result: { ...rest, packedRows: p } }, transfer: [p.rank.buffer, p.total.buffer, p.coverage.buffer, p.provisional.buffer, p.parts.buffer] as ArrayBuffer[] };
}

export const isPackedView = (x: unknown): x is PackedView =>
  typeof x === 'object' && x !== null && 'result' in x && typeof (x as { result: unknown }).result === 'object' && 'packedRows' in ((x as { result: object }).result ?? {});

/** The view with its row objects again, rebuilt STEP rows a turn. */
export async function unpackView(view: PackedView): Promise<RankingView> {
  const { packedRows: p, ...rest } = view.result;
  const n = p.vendorIds.length;
  const k = p.keys.length;
  const rows: RankRow[] = new Array<RankRow>(n);
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % STEP === 0) await nextTurn();
    const breakdown: Record<string, number> = {};
    for (let t = 0; t < k; t++) breakdown[p.keys[t]!] = p.parts[i * k + t]!;
    rows[i] = { rank: p.rank[i]!, vendorId: p.vendorIds[i]!, name: p.names[i]!, total: p.total[i]!, coverage: p.coverage[i]!, provisional: p.provisional[i] === 1, breakdown };
  }
  return { ...view, result: { rows, ...rest } } as RankingView;
}
