import type { Db } from '../../db/client.js';
import { DEMO_LOGIN, DEMO_NAME } from '../../seeds/demo.js';
import { SCORING_DEMO_NAME } from '../../seeds/demo-scoring.js';
import { DECIDED_DEMO_NAME } from '../../seeds/demo-decided.js';
import { evaluationsForUser } from '../../db/queries/evaluations.js';
import { findUserByEmail } from '../../db/queries/users.js';
import { criteriaOf } from '../../db/queries/criteria.js';
import { vendorsOf } from '../../db/queries/vendors.js';

/** Path parameters naming a real leaf criterion and vendor of the evaluation, so their pages open. */
export async function paramsFor(db: Db, id: number): Promise<Record<string, string>> {
  const criteria = await criteriaOf(db, id);
  const leaf = criteria.find((c) => !criteria.some((d) => d.parent_id === c.id))!;
  const vendor = (await vendorsOf(db, id))[0]!;
  return { id: String(id), cid: String(leaf.id), criterionId: String(leaf.id), vid: String(vendor.id), vendorId: String(vendor.id), key: 'no-such-upload' };
}

/**
 * Every GET page inside an evaluation, from the app's route table (exports and event streams
 * aside), with the home and list pages first: the sweeps take their list from here, so a page
 * added to the app is visited without anyone listing it.
 */
export function evaluationPages(routes: { method: string; path: string }[], params: Record<string, string>): string[] {
  const paths = routes.filter((r) => r.method === 'GET' && r.path.startsWith('/evaluations/:id') && !r.path.includes('*') && !/\.(csv|json|xlsx|pdf)$|\/events$/.test(r.path)).map((r) => r.path);
  return ['/', '/evaluations', ...new Set(paths)].map((p) => p.replace(/:(\w+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`demo pages: no value for path parameter "${name}" in ${p}; add one in test/setup/demo-pages.ts`);
    return v;
  }));
}

/**
 * The demo's pages for sweeps (screenshots, language, accessibility): every page of the main demo
 * (in review), the scoring day from the evaluation caught mid-scoring, the decision from the
 * decided one; each with a file-name slug.
 */
export async function demoPageList(db: Db, routes: { method: string; path: string }[]): Promise<{ slug: string; path: string }[]> {
  const dana = (await findUserByEmail(db, DEMO_LOGIN.email))!;
  const mine = await evaluationsForUser(db, dana.id);
  const idOf = (name: string) => mine.find((e) => e.name === name)!.id;
  const slugOf = (stage: string, path: string) => `${stage}${path.replace(/^\/evaluations\/\d+/, '').replace(/\/\d+/g, '').replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '') || '-overview'}`;
  const main = evaluationPages(routes, await paramsFor(db, idOf(DEMO_NAME)));
  const scoring = (await paramsFor(db, idOf(SCORING_DEMO_NAME))).id;
  const decided = (await paramsFor(db, idOf(DECIDED_DEMO_NAME))).id;
  return [
    ...main.map((path) => ({ slug: path.startsWith('/evaluations/') ? slugOf('review', path) : `home${path.replace(/\//g, '-').replace(/-$/, '')}`, path })),
    ...['', '/scoring', '/members', '/submission'].map((p) => ({ slug: slugOf('scoring', p), path: `/evaluations/${scoring}${p}` })),
    ...['', '/decision'].map((p) => ({ slug: slugOf('decided', p), path: `/evaluations/${decided}${p}` })),
  ];
}
