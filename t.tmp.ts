import { makeTestApp } from './test/setup/app.js';
import { seedLandscape } from './seeds/landscape.js';
import { insertVendors } from './db/queries/vendors.js';
import { sql } from 'kysely';
const { db } = await makeTestApp();
const a = await seedLandscape(db, { vendors: 2000, criteria: 30, evaluators: 1, seed: 15 });
if (process.env.TWO) await seedLandscape(db, { vendors: 2000, criteria: 30, evaluators: 4, seed: 16 });
for (let r = 0; r < 6; r++) {
  const vs = Array.from({ length: 250 }, (_, i) => ({ name: `R${r} Vendor ${i}`, website: '', category: '', description: '', price: null }));
  const t = performance.now();
  if (process.env.TRX) await db.transaction().execute(async (trx) => { await insertVendors(trx, a.evaluationId, vs, new Date().toISOString()); });
  else await insertVendors(db, a.evaluationId, vs, new Date().toISOString());
  console.log(r, (performance.now() - t).toFixed(1));
}
const plan = await sql`explain query plan insert into vendors (evaluation_id,name,name_key) values (1,'x','x') on conflict (evaluation_id,name_key) do nothing`.execute(db);
console.log(plan.rows);
const trg = await sql`select name, tbl_name, sql from sqlite_master where type='trigger'`.execute(db);
console.log(trg.rows.map((r: any) => r.name + ' on ' + r.tbl_name));
