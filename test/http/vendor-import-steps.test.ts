import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { Db } from '../../db/client.js';
import { evaluationForMember } from '../../db/queries/evaluations.js';
import { vendorCountOf } from '../../db/queries/vendors.js';
import { closeHeavyPool, completedJobs } from '../../server/heavy/pool.js';
import { importLonglist } from '../../server/services/vendor-import.js';
import { createEvaluation, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

// A big longlist is read in a pool thread and written a step of 5,000 lines at a time as the
// thread checks them (issue 15, promise 4; ADR 049). Whatever the steps, the import must do exactly
// what the same file read at once does: the same answer, the same vendors, the same audit entry,
// existing vendors matched in any step, a duplicate found across steps. A failure part way rolls
// the whole file back.

let app: TestApp;
let db: Db;
let owner: Awaited<ReturnType<typeof signupUser>>;
const env = { ...process.env };

beforeAll(async () => {
  process.env.HEAVY_THREADS = '1';
  ({ app, db } = await makeTestApp());
  owner = await signupUser(app);
}, 60_000);

afterAll(async () => {
  process.env = env;
  await closeHeavyPool();
});

/** `n` vendors; from `changedFrom` on, every third one's price differs from the first file's. */
function longlist(n: number, opts: { changedFrom?: number; extra?: string[] } = {}): string {
  const lines = ['name,website,price'];
  for (let i = 0; i < n; i++) lines.push(`Vendor ${i},v${i}.example,${i >= (opts.changedFrom ?? Infinity) && i % 3 === 0 ? i + 0.5 : i}`);
  return `${[...lines, ...(opts.extra ?? [])].join('\n')}\n`;
}

async function imported(id: string, csv: string, inline: boolean) {
  // Inline: the whole file read at once, on the loop; otherwise in the pool, in steps.
  process.env.HEAVY_INLINE_BELOW = inline ? String(1e9) : '0';
  const jobs = completedJobs();
  const res = await app.request(`/api/v1/evaluations/${id}/vendors/import`, { method: 'POST', headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'text/csv' }, body: csv });
  expect(res.status).toBe(200);
  if (inline) expect(completedJobs()).toBe(jobs);
  // In the pool, the thread's run ends once it has sent its last step.
  else await vi.waitFor(() => expect(completedJobs()).toBeGreaterThan(jobs));
  return res.json();
}

const vendorsOf = async (id: string) =>
  db.selectFrom('vendors').select(['name', 'name_key', 'website', 'category', 'description', 'price']).where('evaluation_id', '=', Number(id)).orderBy('name_key').execute();
/** The import audit entries, vendor ids counted from the evaluation's first vendor (two evaluations' ids differ). */
async function auditOf(id: string) {
  const first = await db.selectFrom('vendors').select(({ fn }) => fn.min('id').as('id')).where('evaluation_id', '=', Number(id)).executeTakeFirst();
  const rows = await db.selectFrom('audit_entries').select(['action', 'entity', 'entity_id', 'before', 'after']).where('evaluation_id', '=', Number(id)).where('action', '=', 'import').orderBy('id').execute();
  return rows.map((r) => ({ ...r, before: r.before?.replace(/"id":(\d+)/g, (_, n: string) => `"id":${Number(n) - Number(first?.id ?? 0)}`) }));
}

test('in steps from the pool or at once, the same answer, vendors and audit: updates, unchanged, new, a duplicate across steps', async () => {
  const first = longlist(12_000);
  const second = longlist(12_000, { changedFrom: 6_000, extra: ['Vendor 12000,new.example,1', 'vendor 7,dup.example,2', 'Bad site,not a site,3', 'Vendor 12001,,'] });
  const results: unknown[] = [];
  const tables: unknown[] = [];
  for (const inline of [true, false]) {
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    expect(await imported(id, first, inline)).toEqual({ created: 12_000, updated: 0, unchanged: 0, rejected: [] });
    results.push(await imported(id, second, inline));
    tables.push({ vendors: await vendorsOf(id), audit: await auditOf(id) });
  }
  // 2,000 of the vendors from 6,000 on have a new price; two are new; a duplicate (of line 9) and a bad website are rejected.
  expect(results[1]).toMatchObject({ created: 2, updated: 2_000, unchanged: 10_000 });
  expect((results[1] as { rejected: { line: number }[] }).rejected.map((r) => r.line)).toEqual([12_003, 12_004]);
  expect(results[1]).toStrictEqual(results[0]);
  // Compared as booleans first: a diff of 12,000 vendors would drown the report.
  expect(JSON.stringify(tables[1]) === JSON.stringify(tables[0]), 'the same vendors and audit entries').toBe(true);
}, 120_000);

test('a failure part way through the steps writes nothing: no vendor, no audit entry', async () => {
  process.env.HEAVY_INLINE_BELOW = '0';
  const id = Number(await createEvaluation(app, owner.token, { template: 'blank' }));
  const actor = { ...(await evaluationForMember(db, id, Number(owner.userId)))!, userId: Number(owner.userId) };
  let reports = 0;
  const failing = importLonglist(db, actor, longlist(12_000), {
    onProgress: () => {
      // After the first step's vendors went in: the import fails, as a database error would.
      if (++reports === 25) throw new Error('the disk is full');
    },
  });
  await expect(failing).rejects.toThrow('the disk is full');
  expect(reports).toBe(25);
  expect(await vendorCountOf(db, id)).toBe(0);
  expect(await auditOf(String(id))).toEqual([]);
}, 60_000);
