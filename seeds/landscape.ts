import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openPostgres, openSqlite, type Db } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { evaluationForMember, latestEvaluationNamed, updateEvaluation } from '../db/queries/evaluations.js';
import { findUserByEmail, teamIdOf } from '../db/queries/users.js';
import { insertCriterion } from '../db/queries/criteria.js';
import { scoreCountIn } from '../db/queries/scores.js';
import { vendorIdsOf } from '../db/queries/vendors.js';
import { analyze, setPageCache } from '../db/queries/maintenance.js';
import { createEvaluation } from '../server/services/evaluations.js';
import { setWeights } from '../server/services/weights.js';
import { declare } from '../server/services/panel.js';
import { importLonglist } from '../server/services/vendor-import.js';
import { nowIso } from '../server/time.js';
import { CATALOGUE } from '../server/content/catalogue.js';
import { CXM_CORE } from '../server/content/templates.js';
import { addEvaluationMember, createTeamMember, createUserWithTeam } from './factories.js';
import { seededRandom } from './random.js';
import { sliceWriter } from './landscape-scores.js';

/**
 * The whole MarTech landscape as one evaluation (issue 6): thousands of vendors imported from a
 * generated longlist CSV, a two-level criteria tree, a panel of evaluators who each score every
 * vendor on every leaf through the batch path. Deterministic for the same options.
 *
 *   npm run seed:landscape -- --vendors 14000 --criteria 25 --evaluators 15 [--db data/landscape.db]
 *   npm run seed:landscape -- --db postgres://user@127.0.0.1:5432/cxbench   # the same on PostgreSQL
 */

export interface LandscapeOptions { vendors: number; criteria: number; evaluators: number; seed: number }

export const LANDSCAPE_LOGIN = { email: 'landscape@cxbench.test', password: 'cxbench-landscape-2026' } as const;
const evaluatorEmail = (i: number) => `landscape-evaluator-${String(i + 1).padStart(2, '0')}@cxbench.test`;

/** The evaluation's name says its size, so a later run (or the bench) can find and reuse it. */
export const landscapeName = (o: Pick<LandscapeOptions, 'vendors' | 'criteria' | 'evaluators'>) =>
  `MarTech landscape: ${o.vendors} vendors × ${o.criteria} criteria × ${o.evaluators} evaluators`;

// The six categories of the marketing-technology landscape the seed documents talk about.
const CATEGORIES = ['Advertising & Promotion', 'Content & Experience', 'Social & Relationships', 'Commerce & Sales', 'Data', 'Management'];
const SYLLABLES = ['ad', 'bri', 'cx', 'dat', 'en', 'flo', 'gra', 'hub', 'io', 'jet', 'ka', 'lum', 'mio', 'nex', 'om', 'pul', 'qua', 'ro', 'sy', 'tra', 'ul', 'vox', 'wav', 'xen', 'yo', 'zen'];
const SUFFIXES = ['', '', ' Cloud', ' CX', ' Labs', ' AI', ' Suite', ' Analytics', ' Engage', ' Data'];

const csvCell = (s: string) => (/[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * A longlist CSV of `count` vendors: the seeded CXM catalogue first, then invented names. Used by
 * the seed and by the import benchmark, so both read the same file.
 * @example landscapeCsv(3, 1).split('\n')[0] // 'name,website,category,description,price'
 */
export function landscapeCsv(count: number, seed = 1): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const lines = ['name,website,category,description,price'];
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    const known = CATALOGUE[i];
    let name: string;
    if (known) name = known.name;
    else {
      const base = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
      name = `${base[0]!.toUpperCase()}${base.slice(1)}${pick(SUFFIXES)}`;
      // Invented names collide now and then; a number keeps every line a distinct vendor.
      if (taken.has(name.toLowerCase())) name = `${name} ${i}`;
    }
    taken.add(name.toLowerCase());
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const category = known?.category || pick(CATEGORIES);
    const description = known?.description || `${category} platform; one of the landscape's ${count} logos.`;
    const price = Math.round(5_000 + random() * 495_000);
    lines.push([name, known?.website || `https://${slug}.example`, category, description, String(price)].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Leaf names: the CXM template's sub-criteria first, then numbered ones, spread over five areas. */
function criteriaTree(leaves: number): { name: string; children: string[] }[] {
  const tops = CXM_CORE.map((t) => ({ name: t.name, children: [] as string[], spare: t.children.map((c) => c.name) }));
  for (let i = 0; i < leaves; i++) {
    const top = tops[i % tops.length]!;
    top.children.push(top.spare.shift() ?? `${top.name} ${top.children.length + 1}`);
  }
  return tops.filter((t) => t.children.length > 0).map(({ name, children }) => ({ name, children }));
}

async function userId(db: Db, email: string, make: () => Promise<{ userId: number }>): Promise<number> {
  const existing = await findUserByEmail(db, email);
  return existing ? existing.id : (await make()).userId;
}

/** The evaluation of this size if an earlier run finished building it (every score written). */
export async function findLandscape(db: Db, o: LandscapeOptions): Promise<{ evaluationId: number; facilitatorId: number } | undefined> {
  const row = await latestEvaluationNamed(db, landscapeName(o));
  if (!row || row.created_by === null) return undefined;
  return (await scoreCountIn(db, row.id)) === o.vendors * o.criteria * o.evaluators ? { evaluationId: row.id, facilitatorId: row.created_by } : undefined;
}

/**
 * Builds the landscape evaluation; `log` gets one line per stage. Returns its id and the facilitator.
 * Scores go through `saveBatch` (the API's all-or-nothing batch path), 10,000 items at a time, on
 * SQLite; PostgreSQL loads each slice in one statement (`sliceWriter`).
 */
export async function seedLandscape(db: Db, o: LandscapeOptions, log: (line: string) => void = () => {}): Promise<{ evaluationId: number; facilitatorId: number }> {
  const started = performance.now();
  const facilitatorId = await userId(db, LANDSCAPE_LOGIN.email, () => createUserWithTeam(db, { ...LANDSCAPE_LOGIN, name: 'Lee Landscape', teamName: 'Landscape Procurement' }));
  const teamId = await teamIdOf(db, facilitatorId);
  const evaluators: number[] = [];
  for (let i = 0; i < o.evaluators; i++) {
    evaluators.push(await userId(db, evaluatorEmail(i), () => createTeamMember(db, teamId, { email: evaluatorEmail(i), name: `Evaluator ${i + 1}`, password: LANDSCAPE_LOGIN.password })));
  }

  const evaluation = await createEvaluation(db, { id: facilitatorId, teamId }, { name: landscapeName(o), template: 'blank', scale: { min: 0, max: 5 } });
  const at = nowIso();
  const leaves: number[] = [];
  const tops: number[] = [];
  let position = 0;
  for (const top of criteriaTree(o.criteria)) {
    const add = async (parentId: number | null, name: string) =>
      (await insertCriterion(db, { evaluation_id: evaluation.id, parent_id: parentId, name, kind: 'scored', position: position++, created_at: at })).id;
    const parent = await add(null, top.name);
    tops.push(parent);
    for (const name of top.children) leaves.push(await add(parent, name));
  }
  for (const e of evaluators) await addEvaluationMember(db, evaluation.id, e, 'evaluator');
  // A panel that has scored has declared first: the score services refuse anyone who has not.
  for (const e of evaluators) await declare(db, { ...(await evaluationForMember(db, evaluation.id, e))!, userId: e }, { conflict: false });
  await updateEvaluation(db, evaluation.id, { status: 'scoring' }, at);
  const facilitator = { ...(await evaluationForMember(db, evaluation.id, facilitatorId))!, userId: facilitatorId };
  // From scoring on a weight change needs its reason (ADR 014).
  await setWeights(db, facilitator, Object.fromEntries(tops.map((id, i) => [String(id), [30, 20, 25, 10, 15][i] ?? 20])), 'The landscape seed sets its weights.');

  const imported = await importLonglist(db, facilitator, landscapeCsv(o.vendors, o.seed));
  log(`vendors: ${imported.created} imported, ${imported.rejected.length} rejected (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const vendors = await vendorIdsOf(db, evaluation.id);

  // A vendor's strength plus each evaluator's bias and noise, rounded to the scale's whole steps.
  const random = seededRandom(o.seed + 1);
  const strength = vendors.map(() => 1 + random() * 3);
  const bias = evaluators.map(() => (random() - 0.5) * 0.8);
  const perBatch = Math.max(1, Math.floor(10_000 / leaves.length));
  const accesses = [];
  for (const e of evaluators) accesses.push({ ...(await evaluationForMember(db, evaluation.id, e))!, userId: e });
  const write = sliceWriter(db);
  let written = 0;
  // Vendor slices outside, evaluators inside: each slice's index pages stay warm while all evaluators write it.
  for (let from = 0; from < vendors.length; from += perBatch) {
    const slice = vendors.slice(from, from + perBatch);
    const batches = accesses.map((access, k) => ({
      access,
      items: slice.flatMap((vendorId, i) => leaves.map((criterionId) => ({
        vendorId, criterionId, value: Math.max(0, Math.min(5, Math.round(strength[from + i]! + bias[k]! + (random() - 0.5) * 2))),
      }))),
    }));
    written += await write(slice, batches);
    if ((from / perBatch) % 5 === 4 || from + perBatch >= vendors.length) {
      log(`scores: ${written.toLocaleString('en')} of ${(vendors.length * leaves.length * evaluators.length).toLocaleString('en')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  // Planner statistics: with them SQLite picks the narrow indexes on tables of millions of rows.
  await analyze(db);
  return { evaluationId: evaluation.id, facilitatorId };
}

/** A database URL fit to print: its password, if any, starred out. */
const withoutPassword = (target: string): string => target.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/, '$1:***@');

/** `--db`: a postgres:// URL (issue 13) or an SQLite file. A bulk load wants few connections, not the app's pool. */
export const openLandscapeDb = (target: string): Db => (/^postgres(ql)?:\/\//.test(target) ? openPostgres(target, 4) : openSqlite(target));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      vendors: { type: 'string', default: '14000' },
      criteria: { type: 'string', default: '25' },
      evaluators: { type: 'string', default: '15' },
      seed: { type: 'string', default: '1' },
      db: { type: 'string' },
      reuse: { type: 'boolean', default: false },
    },
  });
  const int = (name: string, raw: string, min: number, max: number): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
    return n;
  };
  const o: LandscapeOptions = {
    vendors: int('vendors', values.vendors, 1, 100_000),
    criteria: int('criteria', values.criteria, 1, 200),
    evaluators: int('evaluators', values.evaluators, 1, 99),
    seed: int('seed', values.seed, 0, 2 ** 31),
  };
  const path = values.db ?? process.env.DATABASE_PATH ?? 'data/cxbench.db';
  const db = openLandscapeDb(path);
  // A bigger page cache for the bulk load only (this connection); the app keeps its own settings.
  await setPageCache(db, 262_144);
  await migrateToLatest(db);
  const found = values.reuse ? await findLandscape(db, o) : undefined;
  const t = performance.now();
  const { evaluationId } = found ?? (await seedLandscape(db, o, (line) => console.log(line)));
  console.log(`${found ? 'Reused' : 'Built'} evaluation ${evaluationId} "${landscapeName(o)}" in ${withoutPassword(path)} (${((performance.now() - t) / 1000).toFixed(1)} s).`);
  console.log(`Sign in as ${LANDSCAPE_LOGIN.email} with password ${LANDSCAPE_LOGIN.password}`);
  await db.destroy();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
