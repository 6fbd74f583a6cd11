import type { DecisionRecord } from '../read-models/decision.js';
import { rankInputs, type RankingInputs } from '../read-models/ranking.js';
import { shortlistLines } from '../domain/shortlist.js';
import { localCsv } from './csv.js';
import { statusWord } from './shortlist-status.js';
import { m } from '../../views/messages/index.js';
import { exclusionReason } from '../../views/must-have-reasons.js';

/**
 * Everything the shortlist's CSV and JSON files are made from, as plain data: the routes load it
 * (the visibility rule applied, 403/404 included) and the file is written from it alone, in a heavy
 * pool thread when the evaluation is big (issue 15, promise 1: ranking, building the lines and
 * writing 14,000 vendors' text held the event loop for 250–300 ms, mostly in garbage collection of
 * the lines; in a thread, only the finished bytes come back, moved rather than copied).
 */
export interface ShortlistFileSource {
  format: 'csv' | 'json';
  inputs: RankingInputs;
  withdrawn: { name: string; reason: string }[];
  decision: DecisionRecord | null;
  /** The JSON file's `evaluation` member. */
  evaluation: { id: string; name: string; status: string; scale: { min: number; max: number } };
  exportedAt: string;
}

/**
 * The decision and its sign-off as rows after the shortlist, below one empty row, so the columns
 * above stay as they were: a label, then the value(s). `width` pads every row to the header's.
 */
export function decisionRows(d: DecisionRecord, width: number): string[][] {
  const names = (xs: readonly { name: string }[]) => xs.map((x) => x.name).join('; ');
  const t = m.exports.decisionRows;
  const rows = [
    [t.decision, t.vendors, names(d.vendors)],
    [t.decision, t.reason, d.reason],
    [t.decision, t.decidedBy, d.decidedBy.name, d.at],
    ...(d.acknowledgedProvisional.length > 0 ? [[t.decision, t.acknowledged, names(d.acknowledgedProvisional)]] : []),
    ...d.approvals.map((x) => [t.approval, x.name, x.verdict, x.comment, x.at]),
    ...d.pending.map((x) => [t.approval, x.name, t.pending]),
  ];
  return [[], ...rows].map((r) => [...r, ...Array<string>(Math.max(0, width - r.length)).fill('')]);
}

/** The shortlist file's text, in the current language (the request's, or the one the pool thread was told). */
export function shortlistFileText(src: ShortlistFileSource): string {
  const { result, columns, weightVersion } = rankInputs(src.inputs);
  const lines = shortlistLines(result, columns, src.withdrawn, exclusionReason);
  if (src.format === 'json') {
    return JSON.stringify({
      evaluation: src.evaluation,
      weightSetVersion: weightVersion,
      criteria: columns.map((col) => ({ id: col.id, name: col.name })),
      rows: lines,
      // The decision and its sign-off (GET /decision's shape); null until the evaluation is decided.
      decision: src.decision,
      exportedAt: src.exportedAt,
    }, null, 2);
  }
  const h = m.exports.shortlist;
  const header = [h.rank, h.vendor, h.total, h.coverage, ...columns.map((col) => col.name), h.status, h.reason];
  const rows = lines.map((l) => [l.rank ?? '', l.vendor, l.total ?? '', l.coverage ?? '', ...columns.map((col) => l.points[col.id] ?? ''), statusWord(l.status), l.reason]);
  // `;` and decimal commas where the reader's language writes them (issue 16).
  return localCsv([header, ...rows, ...(src.decision ? decisionRows(src.decision, header.length) : [])]);
}

/** The file as UTF-8 bytes: one buffer of its own, so a pool thread can move it back without a copy. */
export const shortlistFileBytes = (src: ShortlistFileSource): Uint8Array<ArrayBuffer> => new TextEncoder().encode(shortlistFileText(src));
