import type { Db } from '../../db/client.js';
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
