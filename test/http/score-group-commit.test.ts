import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import { usesWriterThread } from '../../server/score-writes/score-writer.js';
import { addCriterion, addVendor, api, createEvaluation, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

// Single score writes that arrive together are committed together (ADR 009): one transaction,
// one savepoint each. What a client sees must not change: each write answers for itself, and a
// refused write leaves nothing behind, not even when it shared a transaction with others.

// Both ways a batch is committed: in this thread (an in-memory database) and in the writer
// thread (a database file, as in production).
describe.each([{ where: 'in this thread', file: false }, { where: 'in the writer thread', file: true }])('committed $where', ({ file }) => {
  let app: TestApp;
  let db: Db;
  let owner: Awaited<ReturnType<typeof signupUser>>;
  let id: string;
  const leaves: string[] = [];
  const vendors: string[] = [];

  beforeAll(async () => {
    ({ app, db } = await makeTestApp({ file }));
    owner = await signupUser(app);
    id = await createEvaluation(app, owner.token, { template: 'blank' });
    for (const name of ['APIs', 'Connectors', 'Webhooks', 'SDKs']) leaves.push(await addCriterion(app, owner.token, id, { name }));
    for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon']) vendors.push(await addVendor(app, owner.token, id, { name }));
  });
  afterAll(() => db.destroy());

  const put = (body: Record<string, unknown>) => api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/scores`, body);
  const cellsVersion = async () => (await db.selectFrom('evaluations').select('cells_version').where('id', '=', Number(id)).executeTakeFirstOrThrow()).cells_version;
  const auditCount = async () => Number((await db.selectFrom('audit_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('evaluation_id', '=', Number(id)).where('action', '=', 'score').executeTakeFirstOrThrow()).n);

  describe('PUT /scores under concurrency', () => {
    test('20 writes sent at once all land, in one transaction: one cells_version step, one audit entry each', async () => {
      const before = { version: await cellsVersion(), audit: await auditCount() };
      const cells = vendors.flatMap((v) => leaves.map((c) => ({ vendorId: v, criterionId: c })));
      const results = await Promise.all(cells.map((cell, i) => put({ ...cell, value: i % 6 })));
      expect(results.map((r) => r.status)).toEqual(cells.map(() => 200));
      expect(results.map((r) => r.json)).toEqual(cells.map(() => ({ version: 1 })));
      expect(await cellsVersion()).toBe(before.version + 1);
      expect(await auditCount()).toBe(before.audit + cells.length);
      // And committed where this block says: a file's writes by the writer thread, memory's here.
      expect(usesWriterThread(db)).toBe(file);
      const stored = await db.selectFrom('score_cells').select(['vendor_id', 'criterion_id', 'n', 'sum']).where('evaluation_id', '=', Number(id)).execute();
      expect(stored).toHaveLength(cells.length);
      for (const [i, cell] of cells.entries()) {
        const row = stored.find((s) => String(s.vendor_id) === cell.vendorId && String(s.criterion_id) === cell.criterionId)!;
        expect(row).toMatchObject({ n: 1, sum: i % 6 });
      }
      // The change log names every cell under the one new version, for the ranking caches.
      const logged = await db.selectFrom('score_cell_changes').select(['vendor_id', 'criterion_id']).where('evaluation_id', '=', Number(id)).where('seq', '=', before.version + 1).execute();
      expect(logged.map((l) => `${l.vendor_id}:${l.criterion_id}`).sort()).toEqual(cells.map((c) => `${c.vendorId}:${c.criterionId}`).sort());
    });

    test('a refused write in the same turn answers its own error and leaves nothing; the others land', async () => {
      const [v, c] = [vendors[0]!, leaves[0]!];
      const audit = await auditCount();
      const [stale, good, unknownVendor, outOfScale] = await Promise.all([
        put({ vendorId: v, criterionId: c, value: 1, version: 0 }),
        put({ vendorId: vendors[1]!, criterionId: c, value: 5, version: 1 }),
        put({ vendorId: '999999', criterionId: c, value: 3 }),
        put({ vendorId: vendors[2]!, criterionId: c, value: 9 }),
      ]);
      expectApiError(stale, 409, 'stale_version');
      expect(good.status).toBe(200);
      expect(good.json).toEqual({ version: 2 });
      expectApiError(unknownVendor, 404, 'not_found');
      expect(expectApiError(outOfScale, 400, 'validation_failed').fields).toHaveProperty('value');
      expect(await auditCount()).toBe(audit + 1);
      const scores = await db.selectFrom('scores').select(['vendor_id', 'value', 'version']).where('criterion_id', '=', Number(c)).where('vendor_id', 'in', [v, vendors[1]!, vendors[2]!].map(Number)).orderBy('vendor_id').execute();
      expect(scores).toEqual([
        { vendor_id: Number(v), value: 0, version: 1 },
        { vendor_id: Number(vendors[1]), value: 5, version: 2 },
        { vendor_id: Number(vendors[2]), value: 2, version: 1 },
      ]);
      const cell = await db.selectFrom('score_cells').select(['sum']).where('vendor_id', '=', Number(vendors[1])).where('criterion_id', '=', Number(c)).executeTakeFirstOrThrow();
      expect(cell.sum).toBe(5);
    });

    test('two writes to one cell in one turn, both from version 1: the first wins, the second is stale', async () => {
      const [v, c] = [vendors[4]!, leaves[3]!];
      const [first, second] = await Promise.all([put({ vendorId: v, criterionId: c, value: 1, version: 1 }), put({ vendorId: v, criterionId: c, value: 4, version: 1 })]);
      expect(first.json).toEqual({ version: 2 });
      expectApiError(second, 409, 'stale_version');
      const row = await db.selectFrom('scores').select(['value', 'version']).where('vendor_id', '=', Number(v)).where('criterion_id', '=', Number(c)).executeTakeFirstOrThrow();
      expect(row).toEqual({ value: 1, version: 2 });
    });

    test('a member who has not declared is refused inside the batch, beside writes that land', async () => {
      const other = await signupUser(app);
      // A second evaluation of another team: its writes share the turn, not the rules.
      const theirs = await createEvaluation(app, other.token, { template: 'blank' }, { declare: false });
      const theirLeaf = await addCriterion(app, other.token, theirs, { name: 'Fit' });
      const theirVendor = await addVendor(app, other.token, theirs, { name: 'Zeta' });
      const [refused, mine] = await Promise.all([
        api(app, other.token, 'PUT', `/api/v1/evaluations/${theirs}/scores`, { vendorId: theirVendor, criterionId: theirLeaf, value: 3 }),
        put({ vendorId: vendors[3]!, criterionId: leaves[1]!, value: 2, version: 1 }),
      ]);
      expectApiError(refused, 409, 'declaration_required');
      expect(mine.json).toEqual({ version: 2 });
      const theirScores = await db.selectFrom('scores').select('vendor_id').where('evaluation_id', '=', Number(theirs)).execute();
      expect(theirScores).toEqual([]);
    });

    test('a write that fails after it has written rolls back alone: its score, cell and log entry stay as they were', async () => {
      const [bad, good] = [{ v: vendors[2]!, c: leaves[2]! }, { v: vendors[3]!, c: leaves[2]! }];
      const before = { version: await cellsVersion(), score: await db.selectFrom('scores').select(['value', 'version']).where('vendor_id', '=', Number(bad.v)).where('criterion_id', '=', Number(bad.c)).executeTakeFirstOrThrow(),
        cell: await db.selectFrom('score_cells').select(['n', 'sum']).where('vendor_id', '=', Number(bad.v)).where('criterion_id', '=', Number(bad.c)).executeTakeFirstOrThrow() };
      // The audit entry is the write's last statement: refusing it fails the write after its score,
      // its cell and the evaluation's version have all been written inside the batch.
      await sql.raw(`create trigger refuse_audit before insert on audit_entries when new.entity_id = '${bad.v}:${bad.c}' begin select raise(abort, 'audit refused'); end`).execute(db);
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const [failed, landed] = await Promise.all([put({ vendorId: bad.v, criterionId: bad.c, value: 5 }), put({ vendorId: good.v, criterionId: good.c, value: 5 })]);
        expectApiError(failed, 500, 'internal_error');
        expect(landed.status).toBe(200);
      } finally {
        logged.mockRestore();
        await sql.raw('drop trigger refuse_audit').execute(db);
      }
      expect(await db.selectFrom('scores').select(['value', 'version']).where('vendor_id', '=', Number(bad.v)).where('criterion_id', '=', Number(bad.c)).executeTakeFirstOrThrow()).toEqual(before.score);
      expect(await db.selectFrom('score_cells').select(['n', 'sum']).where('vendor_id', '=', Number(bad.v)).where('criterion_id', '=', Number(bad.c)).executeTakeFirstOrThrow()).toEqual(before.cell);
      // The failed write took the batch's version first and gave it back; the write that landed took it again.
      expect(await cellsVersion()).toBe(before.version + 1);
      const changes = await db.selectFrom('score_cell_changes').select(['seq', 'vendor_id', 'criterion_id']).where('evaluation_id', '=', Number(id)).where('seq', '>', before.version).execute();
      expect(changes).toEqual([{ seq: before.version + 1, vendor_id: Number(good.v), criterion_id: Number(good.c) }]);
    });
  });
});
