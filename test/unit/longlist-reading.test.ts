import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { readLonglist, type LonglistReading } from '../../server/heavy/longlist-job.js';
import { holdTeamSlot } from '../../server/heavy/jobs.js';
import { closeHeavyPool } from '../../server/heavy/pool.js';
import { parseLonglist } from '../../server/domain/csv-longlist.js';
import { nameKey } from '../../db/queries/vendors.js';
import { rejectionsText } from '../../server/longlist-text.js';
import { RetryLater } from '../../server/errors.js';
import type { Actor } from '../../server/actor.js';
import { withLocale } from '../../server/i18n/current.js';

// A big longlist is read in a pool thread and its checked lines come back a step at a time, so the
// import writes while the thread checks (issue 15, promise 4). What the steps add up to must be
// exactly what reading the file at once gives, in the same order; a file refused as a whole is
// refused before any step; the team's heavy-job slot is held while the thread reads and given back
// when it has finished, or stopped because the import closed the reading.

const env = { ...process.env };
beforeAll(() => {
  process.env.HEAVY_INLINE_BELOW = '0';
  process.env.HEAVY_THREADS = '1';
});
afterEach(() => { process.env.HEAVY_JOBS_PER_TEAM = env.HEAVY_JOBS_PER_TEAM; });
afterAll(async () => {
  process.env = env;
  await closeHeavyPool();
});

const actor = (team: number) => ({ evaluation: { team_id: team } }) as unknown as Actor;

/** `n` lines (three steps by default), with a bad website, a duplicate and a blank line among them. */
function csv(n = 12_000): string {
  const lines = ['name;website;price;description'];
  for (let i = 0; i < n; i++) {
    if (i === 100) lines.push('not a site;foo bar;1;x');
    else if (i === 7_000) lines.push('Vendor 5;;;');
    else if (i === 9_000) lines.push(';;;');
    else lines.push(`Vendor ${i};v${i}.example;${i % 3 ? `${i},5` : ''};"line one\nline two ${i}"`);
  }
  return `${lines.join('\n')}\n`;
}

async function drained(r: Extract<LonglistReading, { ok: true }>) {
  const records = [];
  const rejected = [];
  let steps = 0;
  for await (const s of r.steps) {
    steps++;
    records.push(...s.records);
    rejected.push(...s.rejected);
  }
  return { records, rejected, steps };
}

test('the steps from the pool add up to the file read at once, in order', async () => {
  const text = csv();
  const reading = await readLonglist(actor(1), { bytes: new Uint8Array(Buffer.from(text)), charset: 'utf-8' });
  if (!reading.ok) throw new Error(reading.message);
  const whole = parseLonglist(text, nameKey);
  expect(reading.fields).toEqual(whole.fields);
  expect(reading.lines).toBe(whole.records.length + whole.rejected.length);
  const got = await drained(reading);
  expect(got.steps).toBeGreaterThan(1);
  expect(got.records).toStrictEqual(whole.records);
  expect(got.rejected).toStrictEqual(rejectionsText(whole.rejected));
  expect(got.rejected.map((r) => r.line)).toEqual(whole.rejected.map((r) => r.line));
});

test('a file refused as a whole is refused before any step, with the field at fault', async () => {
  const reading = await readLonglist(actor(2), { text: `website\n${'x.io\n'.repeat(30_000)}` });
  expect(reading).toMatchObject({ ok: false, code: 'validation_failed', field: 'header' });
});

/** Whether the team could take a heavy-job slot now (taken and given back at once). */
const slotFree = (team: number): boolean => {
  try {
    holdTeamSlot(actor(team))();
    return true;
  } catch (e) {
    if (e instanceof RetryLater) return false;
    throw e;
  }
};

test('a refused file gives the team’s slot back', async () => {
  process.env.HEAVY_JOBS_PER_TEAM = '1';
  const reading = await readLonglist(actor(4), { text: `name\n"never closed\n${'x\n'.repeat(30_000)}` });
  expect(reading).toMatchObject({ ok: false, code: 'validation_failed' });
  await vi.waitFor(() => expect(slotFree(4)).toBe(true));
});

test('the reading holds one of the team’s heavy-job slots while the thread works; read to the end or closed unread, it comes back', async () => {
  process.env.HEAVY_JOBS_PER_TEAM = '1';
  const text = csv();
  const reading = await readLonglist(actor(3), { text });
  if (!reading.ok) throw new Error(reading.message);
  expect(slotFree(3)).toBe(false);
  await expect(readLonglist(actor(3), { text })).rejects.toBeInstanceOf(RetryLater);
  await drained(reading);
  reading.close();
  await vi.waitFor(() => expect(slotFree(3)).toBe(true));

  // Closed after the head, unread: the thread stops between steps and gives the slot back.
  const big = await readLonglist(actor(3), { text: csv(100_000) });
  if (!big.ok) throw new Error(big.message);
  big.close();
  await vi.waitFor(() => expect(slotFree(3)).toBe(true));
});

test('rejected lines are phrased in the language of the request that read them, also in the thread', async () => {
  const text = csv();
  const reading = await withLocale('de', () => readLonglist(actor(5), { text }));
  if (!reading.ok) throw new Error(reading.message);
  const got = await drained(reading);
  const whole = parseLonglist(text, nameKey);
  expect(got.rejected).toStrictEqual(withLocale('de', () => rejectionsText(whole.rejected)));
  expect(got.rejected).not.toStrictEqual(rejectionsText(whole.rejected));
});

test('a thread that dies part way fails the steps, rather than ending them early', async () => {
  const reading = await readLonglist(actor(6), { text: csv(100_000) });
  if (!reading.ok) throw new Error(reading.message);
  await closeHeavyPool();
  await expect(drained(reading)).rejects.toThrow();
  reading.close();
});
