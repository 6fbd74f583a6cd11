import { readFileSync } from 'node:fs';
import { makeTestApp, signupUser } from './test/setup/app.js';
import { seedLandscape } from './seeds/landscape.js';
const { app, db } = await makeTestApp();
if (process.env.SEEDED) { await seedLandscape(db, { vendors: 2000, criteria: 30, evaluators: 1, seed: 15 });
await seedLandscape(db, { vendors: 2000, criteria: 30, evaluators: 4, seed: 16 }); }
const u = await signupUser(app);
const csv = readFileSync('/tmp/prof/long.csv');
for (let r = 0; r < 3; r++) {
  const made = await app.request('/api/v1/evaluations', { method: 'POST', headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: `imp ${r}`, template: 'blank' }) });
  const { id } = await made.json() as any;
  const t = performance.now();
  const res = await app.request(`/api/v1/evaluations/${id}/vendors/import`, { method: 'POST', headers: { authorization: `Bearer ${u.token}`, 'content-type': 'text/csv' }, body: csv });
  console.log(r, res.status, (performance.now() - t).toFixed(1));
}
process.exit(0);
