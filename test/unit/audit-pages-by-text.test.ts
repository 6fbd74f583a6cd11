import { expect, test } from 'vitest';
import { openSqlite } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedLandscape } from '../../seeds/landscape.js';
import { evaluationForMember } from '../../db/queries/evaluations.js';
import { recordAudit } from '../../db/queries/audit.js';
import { AUDIT_PAGE_CHARS, auditRowChars, eachAudit, searchAudit } from '../../db/queries/audit-search.js';
import { eachReadableAudit } from '../../server/read-models/audit-log.js';

// Issue 15, promise 1: the audit log is read in pages sized by their text (a score batch's entry
// can hold 127,000 characters), and still yields every entry once, oldest first.

test('pages sized by text give every entry once, in order, none of them far past the text bound', async () => {
  const db = openSqlite(':memory:');
  await migrateToLatest(db);
  const { evaluationId, facilitatorId } = await seedLandscape(db, { vendors: 5, criteria: 2, evaluators: 1, seed: 3 });
  const teamId = (await evaluationForMember(db, evaluationId, facilitatorId))!.evaluation.team_id;
  const big = 'x'.repeat(120_000);
  for (let i = 0; i < 60; i++) {
    await recordAudit(db, { teamId, evaluationId, actorId: facilitatorId, action: 'bench-note', entity: 'evaluation', entityId: evaluationId, after: i % 3 === 0 ? { i, big } : { i } });
  }
  const all: number[] = [];
  for (let afterId: number | undefined; ;) {
    const page = await searchAudit(db, evaluationId, {}, { limit: 200, afterId });
    all.push(...page.rows.map((r) => r.id));
    if (!page.more) break;
    afterId = page.rows.at(-1)!.id;
  }
  const seen: number[] = [];
  let biggest = 0;
  for await (const r of eachAudit(db, evaluationId, {})) {
    seen.push(r.id);
    biggest = Math.max(biggest, auditRowChars(r));
  }
  expect(seen).toEqual(all);
  expect(seen.length).toBeGreaterThan(60);
  expect(biggest).toBeLessThan(AUDIT_PAGE_CHARS);
  const readable: number[] = [];
  for await (const r of eachReadableAudit(db, evaluationId, {})) readable.push(r.id);
  expect(readable).toEqual(all);
  await db.destroy();
});
