import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { must } from '../setup/http-client.js';
import { setUpScoringTeam, type ScoringTeam } from '../setup/scoring-team.js';
import { startBuiltServer, type RunningServer } from '../setup/server-process.js';

// ADR 046: `npm start` serves the JavaScript that scripts/start.mjs builds from the sources, while
// every other suite runs the sources through tsx. This file starts the built server and goes down
// each path that loads code of its own at run time: the writer thread, a pool thread (every heavy
// job forced into it), the workbook's module in that thread, and Chromium for the PDF.

const dir = mkdtempSync(join(tmpdir(), 'cxbench-built-'));
let server: RunningServer;
let port: number;
let team: ScoringTeam;

beforeAll(async () => {
  server = await startBuiltServer({ DATABASE_PATH: join(dir, 'app.db'), HEAVY_INLINE_BELOW: '0', LOG_LEVEL: 'warn' });
  port = server.port;
  team = await setUpScoringTeam(port, { evaluators: 2, vendors: 3, criteria: 2 });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${team.tokens[0]}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: Buffer.from(await res.arrayBuffer()) };
};

test('the built server writes scores through its writer thread and ranks in a pool thread', async () => {
  const base = `/api/v1/evaluations/${team.evaluationId}`;
  for (const [i, token] of team.tokens.entries()) {
    for (const vendorId of team.vendors) {
      for (const criterionId of team.criteria) await must(200, port, token, 'PUT', `${base}/scores`, { vendorId, criterionId, value: 1 + ((i + Number(vendorId)) % 5) });
    }
  }
  const ranking = await must(200, port, team.tokens[0]!, 'GET', `${base}/ranking`);
  expect(ranking.rows).toHaveLength(team.vendors.length);
  const sensitivity = await get(`${base}/sensitivity`);
  expect(sensitivity.status).toBe(200);
}, 60_000);

test('the built server writes the workbook in a pool thread and prints the report with Chromium', async () => {
  const page = `/evaluations/${team.evaluationId}`;
  const xlsx = await get(`${page}/shortlist.xlsx`);
  expect(xlsx.status).toBe(200);
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const pdf = await get(`${page}/shortlist.pdf`);
  expect(pdf.status).toBe(200);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
}, 90_000);
