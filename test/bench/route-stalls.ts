import { clearHeavyResults } from '../../server/heavy/jobs.js';
import { clearKendallCache } from '../../server/read-models/agreement.js';
import { clearCalibrationCache } from '../../server/read-models/calibration.js';

type Fetcher = { request: (path: string, init: RequestInit) => Response | Promise<Response> };
interface StallFigure { name: string; value: number; unit: string; baseline: number; target?: { value?: number }; note?: string }

/**
 * Issue 15, promise 1 at the landscape's size: the longest event-loop stall while one request is
 * answered, for the routes a member reloads (API ranking of every vendor, the ranking page at its
 * default length and with every row, agreement and calibration (first reads), the shortlist's JSON and CSV). The value is with
 * the heavy pool, the baseline the same request with the pool off (HEAVY_THREADS=0), each side with
 * the heavy results dropped; the cell cache stays warm after the first call (what a reload finds).
 * `--only route_stalls` runs them; each is its own figure, target 50 ms.
 */
export async function benchRouteStalls(app: Fetcher, token: string, evaluationId: number, longestStall: (fn: () => Promise<unknown>) => Promise<number>, wanted: (name: string) => boolean = () => true): Promise<StallFigure[]> {
  const api = `/api/v1/evaluations/${evaluationId}`;
  const page = `/evaluations/${evaluationId}`;
  const routes: [string, string][] = [
    ['route_stall_api_ranking_all', `${api}/ranking?limit=100000`],
    ['route_stall_page_ranking', `${page}/ranking`],
    ['route_stall_page_ranking_all', `${page}/ranking?limit=all`],
    ['route_stall_api_agreement', `${api}/agreement`],
    ['route_stall_api_calibration', `${api}/calibration`],
    ['route_stall_shortlist_json', `${page}/shortlist.json`],
    ['route_stall_shortlist_csv', `${page}/shortlist.csv`],
  ];
  const get = async (path: string) => {
    const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
    if (res.status >= 300) throw new Error(`GET ${path} → ${res.status}`);
    // Counted as it streams and let go, as a socket would: gathering 17 MB into one buffer here
    // held this process's loop for 50–70 ms, which is the client's cost, not the server's.
    let bytes = 0;
    for await (const chunk of res.body ?? []) bytes += chunk.byteLength;
    return bytes;
  };
  const saved = process.env.HEAVY_THREADS;
  const withThreads = async (threads: string | undefined, path: string) => {
    if (threads === undefined) delete process.env.HEAVY_THREADS;
    else process.env.HEAVY_THREADS = threads;
    clearHeavyResults();
    // Kendall's W and the calibration grid are kept per scores version: each side times a first
    // read, the one a member causes after any score changed (with one evaluator there is little to read).
    clearKendallCache();
    clearCalibrationCache();
    return longestStall(() => get(path));
  };
  const figures: StallFigure[] = [];
  try {
    for (const [name, path] of routes.filter(([name]) => wanted(name))) {
      const bytes = await get(path); // warm: the pool thread, the cell cache
      const before = await withThreads('0', path);
      const after = await withThreads(saved, path);
      figures.push({ name, value: after, unit: 'ms', baseline: before, target: { value: 50 }, note: `GET ${path.replace(`/evaluations/${evaluationId}`, '/evaluations/:id')}, ${(bytes / 2 ** 20).toFixed(1)} MB; pool (value) vs inline (baseline)` });
    }
  } finally {
    if (saved === undefined) delete process.env.HEAVY_THREADS;
    else process.env.HEAVY_THREADS = saved;
  }
  return figures;
}
