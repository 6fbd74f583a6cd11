import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import type { Actor } from '../actor.js';
import { shortlistWorkbookStream } from '../heavy/xlsx-job.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The shortlist workbook as a streamed response. The data is loaded (and the visibility rule
 * applied, 403/404 included) before the first byte, so a refusal is a clean status; a big
 * evaluation's workbook is written in a pool thread (ADR 037), a small one on the event loop.
 */
export async function shortlistXlsxResponse(c: Context<AppEnv>, a: Actor, trailer: (width: number) => string[][], fileName: string): Promise<Response> {
  const out = await shortlistWorkbookStream(c.get('db'), a, trailer);
  return c.body(Readable.toWeb(out) as ReadableStream<Uint8Array>, 200, {
    'content-type': XLSX,
    'content-disposition': `attachment; filename="${fileName}"`,
  });
}
