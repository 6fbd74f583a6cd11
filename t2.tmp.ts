import { makeTestApp, signupUser } from './test/setup/app.js';
import { seedLandscape } from './seeds/landscape.js';
import { insertVendors } from './db/queries/vendors.js';
const { app, db } = await makeTestApp();
await seedLandscape(db, { vendors: 2000, criteria: 30, evaluators: 1, seed: 15 });
await seedLandscape(db, { vendors: 2000, criteria: 30, evaluators: 4, seed: 16 });
const u = await signupUser(app);
for (let r = 0; r < 4; r++) {
  const made = await app.request('/api/v1/evaluations', { method: 'POST', headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: `imp ${r}`, template: 'blank' }) });
  const { id } = await made.json() as any;
  for (let k = 0; k < 3; k++) {
    const vs = Array.from({ length: 250 }, (_, i) => ({ name: `R${r}${k} Vendor ${i}`, website: '', category: '', description: '', price: null }));
    const t = performance.now();
    await insertVendors(db, Number(id), vs, new Date().toISOString());
    console.log(r, k, (performance.now() - t).toFixed(1));
  }
}
