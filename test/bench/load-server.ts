import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import SQLite from 'better-sqlite3';
import { openSqlite } from '../../db/client.js';
import { createApp } from '../../server/app.js';
import { parseEnv } from '../../server/env.js';
import { m } from '../../views/messages/index.js';

/**
 * A server for the bench's HTTP figures (issue 6), started as a child process so the load
 * generator (autocannon, in the bench process) and the server each have a core:
 *
 *   --mode app       the whole app (createApp) over the database, as `npm start` serves it
 *   --mode baseline  the baselines, on the same database file with the same pragmas:
 *                    PUT /write  a bare Hono route doing one SQLite INSERT
 *                    GET /grid   one page of the scoring grid: one raw query, template strings
 *
 *   --synchronous FULL|NORMAL  the SQLite level (default FULL, as openSqlite; the bench asks NORMAL
 *                    for the bare route, the hardware's floor, and for the app to price FULL)
 *
 * Listens on 127.0.0.1 (an ephemeral port) and prints {"port": N} once ready.
 */

const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    db: { type: 'string' },
    evaluation: { type: 'string' },
    evaluator: { type: 'string' },
    'page-size': { type: 'string', default: '50' },
    synchronous: { type: 'string', default: 'FULL' },
  },
});
const path = values.db!;
const synchronous = values.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL';

function baseline(): Hono {
  // The same settings as db/client.ts openSqlite, at the level asked for.
  const raw = new SQLite(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma(`synchronous = ${synchronous}`);
  raw.exec('create table if not exists bench_writes (id integer primary key, vendor_id integer not null, criterion_id integer not null, evaluator_id integer not null, value real, updated_at text not null)');
  const insert = raw.prepare('insert into bench_writes (vendor_id, criterion_id, evaluator_id, value, updated_at) values (?, ?, ?, ?, ?)');

  const evaluationId = Number(values.evaluation);
  const evaluatorId = Number(values.evaluator);
  const pageSize = Number(values['page-size']);
  // The grid's columns: scored and must-have leaves in tree order (what the page shows for a full-scope evaluator).
  const criteria = raw.prepare('select id, parent_id, name, kind, position from criteria where evaluation_id = ? order by position, id').all(evaluationId) as { id: number; parent_id: number | null; name: string; kind: string }[];
  const parents = new Set(criteria.map((c) => c.parent_id));
  const columns = criteria.filter((r) => r.parent_id === null).flatMap((top) => (parents.has(top.id) ? criteria.filter((r) => r.parent_id === top.id) : [top]))
    .filter((c) => !parents.has(c.id) && c.kind !== 'cost');
  const page = raw.prepare(`select v.id, v.name, s.criterion_id, s.value, s.comment, s.version, s.abstain_reason
    from (select id, name, name_key from vendors where evaluation_id = ? order by name_key limit ? offset ?) v
    left join scores s on s.vendor_id = v.id and s.evaluator_id = ?
    order by v.name_key`);
  const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : '&#39;'));
  const display = (v: number | null | undefined, abstained: boolean) => (v === undefined ? '' : v === null ? (abstained ? 'abstain' : m.scoring.na) : String(v));

  type Row = { id: number; name: string; criterion_id: number | null; value: number | null; comment: string | null; version: number | null; abstain_reason: string | null };
  const cell = (e: number, vendor: Row, c: (typeof columns)[number], s: Row | undefined) => {
    const value = s ? s.value : undefined;
    const label = esc(m.scoring.scoreFor(vendor.name, c.name));
    const commentLabel = esc(m.scoring.commentFor(vendor.name, c.name));
    const input = c.kind === 'must-have'
      ? `<select name="value" class="score-input" aria-label="${label}" data-criterion="${c.id}"><option value=""${value === undefined ? ' selected=""' : ''}>${esc(m.scoring.notScored)}</option><option value="1"${value === 1 ? ' selected=""' : ''}>${esc(m.scoring.pass)}</option><option value="0"${value === 0 ? ' selected=""' : ''}>${esc(m.scoring.fail)}</option><option value="n/a"${value === null ? ' selected=""' : ''}>${esc(m.scoring.na)}</option></select>`
      : `<input name="value" class="score-input" aria-label="${label}" value="${esc(display(value, s?.abstain_reason != null))}" inputmode="decimal" autocomplete="off" placeholder="${esc(m.scoring.placeholder)}" data-criterion="${c.id}"/>`;
    const comment = s?.comment ?? '';
    return `<td class="cell"><form method="post" action="/evaluations/${e}/scoring/cell" class="cell-form${value !== undefined ? ' cell-filled' : ''}" id="cell-${vendor.id}-${c.id}" hx-post="/evaluations/${e}/scoring/cell" hx-trigger="change" hx-target="this" hx-swap="outerHTML"><input type="hidden" name="vendorId" value="${vendor.id}"/><input type="hidden" name="criterionId" value="${c.id}"/><input type="hidden" name="version" value="${s?.version ?? 0}"/>${input}<details class="cell-comment"><summary title="${esc(m.scoring.comment)}" aria-label="${commentLabel}">${comment ? '✎' : '+'}</summary><textarea name="comment" rows="3" maxlength="2000" aria-label="${commentLabel}">${esc(comment)}</textarea></details></form></td>`;
  };

  return new Hono()
    .put('/write', async (c) => {
      const b = await c.req.json<{ vendorId: number; criterionId: number; value: number | null }>();
      insert.run(b.vendorId, b.criterionId, evaluatorId, b.value, new Date().toISOString());
      return c.json({ version: 1 });
    })
    .get('/grid', (c) => {
      const n = Math.max(1, Number(c.req.query('page')) || 1);
      const rows = page.all(evaluationId, pageSize, (n - 1) * pageSize, evaluatorId) as Row[];
      const out: string[] = [`<!doctype html><html lang="en"><head><meta charset="utf-8"/><title>Scoring</title><link rel="stylesheet" href="/static/app.css"/></head><body><table class="score-grid"><thead><tr><th scope="col">${esc(m.scoring.vendor)}</th>`];
      for (const col of columns) out.push(`<th scope="col" id="crit-${col.id}">${esc(col.name)}</th>`);
      out.push('</tr></thead><tbody>');
      for (let i = 0; i < rows.length;) {
        const vendor = rows[i]!;
        const mine = new Map<number, Row>();
        for (; i < rows.length && rows[i]!.id === vendor.id; i++) if (rows[i]!.criterion_id !== null) mine.set(rows[i]!.criterion_id!, rows[i]!);
        out.push(`<tr><th scope="row" class="sticky-col">${esc(vendor.name)}</th>`);
        for (const col of columns) out.push(cell(evaluationId, vendor, col, mine.get(col.id)));
        out.push('</tr>');
      }
      out.push('</tbody></table></body></html>');
      return c.html(out.join(''));
    });
}

const app = values.mode === 'app'
  ? createApp({ db: openSqlite(path, { synchronous }), env: parseEnv({ NODE_ENV: 'production', SEED_DEMO: '0', DATABASE_PATH: path }) })
  : baseline();
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
