import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../setup/server-process.js';
import { setUpScoringTeam, type ScoringTeam } from '../setup/scoring-team.js';
import { call, must, seeded } from '../setup/http-client.js';
import { readDatabaseState } from '../setup/crash-check.js';

// Issue 15, promise 3 ("No lost updates"): 50 clients update the same few scores over HTTP on the
// real server, each sending the version it last read. Every write must be applied (200) or refused
// as stale (409), and the applied ones must form one serial order per score: each applied on the
// version the previous one produced, versions without gaps or repeats, the stored score equal to
// the last of them. The cell aggregates must equal a recomputation from the scores.

const CLIENTS = 50;
const ATTEMPTS = Number(process.env.LOST_UPDATE_ATTEMPTS ?? 36);
const dir = mkdtempSync(join(tmpdir(), 'cxbench-versions-'));
let server: RunningServer;
let team: ScoringTeam;

beforeAll(async () => {
  server = await startServer(join(dir, 'versions.db'));
  team = await setUpScoringTeam(server.port, { evaluators: 2, vendors: 2, criteria: 1 });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Applied = { base: number; version: number; value: number; comment: string };

test(`${CLIENTS} clients × ${ATTEMPTS} versioned writes on the same scores: each applied or 409, applied ones in one serial order`, async () => {
  const base = `/api/v1/evaluations/${team.evaluationId}/scores`;
  // The scores being fought over: each evaluator's score on each vendor, created at version 1.
  const rows = team.userIds.flatMap((_, who) => team.vendors.map((vendorId) => ({ who, vendorId, criterionId: team.criteria[0]! })));
  for (const r of rows) expect(await must(200, server.port, team.tokens[r.who]!, 'PUT', base, { vendorId: r.vendorId, criterionId: r.criterionId, value: 0, comment: 'start' })).toEqual({ version: 1 });
  const key = (r: (typeof rows)[number]) => `${r.vendorId}:${r.criterionId}:${team.userIds[r.who]}`;
  const applied = new Map<string, Applied[]>(rows.map((r) => [key(r), []]));
  const statuses = new Map<number, number>();

  const readVersion = async (r: (typeof rows)[number]) => {
    const res = await must(200, server.port, team.tokens[r.who]!, 'GET', `${base}?vendorId=${r.vendorId}&criterionId=${r.criterionId}`);
    return (res.scores as { evaluatorId: string; version: number }[]).find((s) => String(s.evaluatorId) === team.userIds[r.who])!.version;
  };
  const client = async (i: number) => {
    const random = seeded(1500 + i);
    for (let a = 0; a < ATTEMPTS; a++) {
      const r = rows[Math.floor(random() * rows.length)]!;
      const version = await readVersion(r);
      const write = { value: Math.floor(random() * 6), comment: `client ${i} attempt ${a}` };
      const res = await call(server.port, team.tokens[r.who]!, 'PUT', base, { vendorId: r.vendorId, criterionId: r.criterionId, version, ...write });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 200) applied.get(key(r))!.push({ base: version, version: res.json.version, ...write });
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));

  const tried = CLIENTS * ATTEMPTS;
  const answered = Object.fromEntries(statuses);
  const nApplied = [...applied.values()].reduce((n, a) => n + a.length, 0);
  console.log(`no lost updates: tried ${tried} versioned writes by ${CLIENTS} clients on ${rows.length} scores; answers ${JSON.stringify(answered)}`);
  expect([...statuses.keys()].filter((s) => s !== 200 && s !== 409)).toEqual([]);
  expect(nApplied).toBe(statuses.get(200) ?? 0);

  const problems: string[] = [];
  for (const r of rows) {
    const chain = applied.get(key(r))!.sort((x, y) => x.version - y.version);
    // A serial order: the k-th applied write read version k and produced k + 1.
    chain.forEach((w, k) => { if (w.base !== k + 1 || w.version !== k + 2) problems.push(`${key(r)}: write ${k} applied on ${w.base} → ${w.version}`); });
    const stored = (await must(200, server.port, team.tokens[r.who]!, 'GET', `${base}?vendorId=${r.vendorId}&criterionId=${r.criterionId}`)).scores
      .find((s: { evaluatorId: string }) => String(s.evaluatorId) === team.userIds[r.who]);
    const last = chain.at(-1);
    const want = last ? { value: last.value, comment: last.comment, version: last.version } : { value: 0, comment: 'start', version: 1 };
    if (stored.value !== want.value || stored.comment !== want.comment || stored.version !== want.version) problems.push(`${key(r)}: stored ${JSON.stringify(stored)}, last applied ${JSON.stringify(want)}`);
  }
  const state = readDatabaseState(join(dir, 'versions.db'), team.evaluationId);
  console.log(`no lost updates: held: ${nApplied} applied in one serial order per score (chains ${[...applied.values()].map((a) => a.length).join(', ')}), ${statuses.get(409) ?? 0} × 409, `
    + `${problems.length} order problems, integrity ${state.integrity}, ${state.aggregateProblems.length} aggregate mismatches over ${state.cells} cells`);
  expect(problems).toEqual([]);
  expect(state.integrity).toBe('ok');
  expect(state.aggregateProblems).toEqual([]);
  // Contention happened: some writes were refused, some applied.
  expect(nApplied).toBeGreaterThan(rows.length);
  expect(statuses.get(409) ?? 0).toBeGreaterThan(0);
}, 600_000);
