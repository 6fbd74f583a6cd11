import type { Db } from '../../db/client.js';
import { scoresBy } from '../../db/queries/scores.js';
import { vendorIdsOf } from '../../db/queries/vendors.js';
import type { Actor } from '../actor.js';
import { visibilityWithScores } from './visibility.js';

// Vendors per query: ~25 criteria × 15 evaluators × 100 vendors = 37,500 scores at most in memory.
const VENDORS_PER_CHUNK = 100;

type Row = Awaited<ReturnType<typeof scoresBy>>[number];
const toJson = (s: Row) => JSON.stringify({
  vendorId: String(s.vendor_id), criterionId: String(s.criterion_id), evaluatorId: String(s.evaluator_id), value: s.value, comment: s.comment, version: s.version,
  ...(s.abstain_reason !== null ? { abstainReason: s.abstain_reason } : {}),
});

/**
 * GET /scores as a stream of JSON text, `{"scores":[…]}`, in (vendor, criterion, evaluator) order.
 * The landscape evaluation has 5.25 million scores: built as one array and one string they took
 * 40 s and 5 GB. Here they are read a hundred vendors at a time, each chunk a short query of its
 * own, so nothing holds the database connection between chunks and memory stays flat. Like any
 * read in pieces, a write landing during the download shows in the chunks read after it.
 * Blind scoring: member `a` gets everyone's scores when they may see the team's, else their own;
 * a member who may see no scores gets a 403 before anything is streamed.
 */
export async function scoresJsonStream(db: Db, a: Actor, filter: { vendorId?: number; criterionId?: number }): Promise<ReadableStream<Uint8Array>> {
  const evaluationId = a.evaluation.id;
  const evaluatorId = (await visibilityWithScores(db, a)).scores === 'all' ? null : a.userId;
  const encoder = new TextEncoder();
  let vendorIds: number[] | null = null;
  let next = 0;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (vendorIds === null) {
          vendorIds = filter.vendorId !== undefined ? [filter.vendorId]
            : await vendorIdsOf(db, evaluationId);
          controller.enqueue(encoder.encode('{"scores":['));
        }
        // Chunks with nothing the caller may see are skipped here: a pull that enqueues nothing
        // is not pulled again, and the response would never end.
        while (next < vendorIds.length) {
          const chunk = vendorIds.slice(next, next + VENDORS_PER_CHUNK);
          next += VENDORS_PER_CHUNK;
          const rows = await scoresBy(db, evaluationId, evaluatorId, { ...filter, vendorIds: chunk });
          if (rows.length === 0) continue;
          const text = rows.map(toJson).join(',');
          controller.enqueue(encoder.encode(first ? text : `,${text}`));
          first = false;
          return;
        }
        controller.enqueue(encoder.encode(']}'));
        controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
}
