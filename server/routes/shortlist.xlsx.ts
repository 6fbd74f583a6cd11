import { PassThrough, Readable } from 'node:stream';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import type { Actor } from '../actor.js';
import { shortlistWorkbookData } from '../read-models/shortlist-workbook.js';
import { writeShortlistWorkbook } from '../exports/shortlist-xlsx.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The shortlist workbook as a streamed response. The data is loaded (and the visibility rule
 * applied, 403/404 included) before the first byte, so a refusal is a clean status; the rows are
 * then written as the client reads them, a few hundred at a time between turns of the event loop.
 */
export async function shortlistXlsxResponse(c: Context<AppEnv>, a: Actor, trailer: (width: number) => string[][], fileName: string): Promise<Response> {
  const data = await shortlistWorkbookData(c.get('db'), a, trailer);
  const out = new PassThrough();
  writeShortlistWorkbook(data, out).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return c.body(Readable.toWeb(out) as ReadableStream<Uint8Array>, 200, {
    'content-type': XLSX,
    'content-disposition': `attachment; filename="${fileName}"`,
  });
}
