import type { Db } from '../../db/client.js';
import type { Vendor } from '../../db/schema.js';
import { deleteVendor, insertVendor, updateVendor as writeVendor, vendorByName, vendorIn, type VendorInput } from '../../db/queries/vendors.js';
import { auditAs, createAudited } from './audit-as.js';
import { conflict, notFound } from '../errors.js';
import { nowIso } from '../time.js';
import type { Actor } from '../actor.js';
import { assertStructureOpen } from './structure-guard.js';
import { m } from '../../views/messages/index.js';

const snapshot = (v: Vendor) => ({ name: v.name, website: v.website, category: v.category, description: v.description, price: v.price });
const audit = (db: Db, a: Actor, action: string, id: number, before?: unknown, after?: unknown) => auditAs(db, a, action, 'vendor', id, before, after);

const duplicate = (name: string) => conflict('duplicate_name', m.errors.duplicateVendor(name.trim()));

export async function addVendor(db: Db, a: Actor, input: VendorInput): Promise<number> {
  return createAudited(db, a, 'vendor', async (trx) => {
    if (await vendorByName(trx, a.evaluation.id, input.name)) throw duplicate(input.name);
    return insertVendor(trx, a.evaluation.id, {
      name: input.name.trim(), website: input.website?.trim() ?? '', category: input.category?.trim() ?? '', description: input.description?.trim() ?? '', price: input.price ?? null,
    }, nowIso());
  }, snapshot);
}

export async function updateVendor(db: Db, a: Actor, id: number, input: Partial<VendorInput>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await vendorIn(trx, a.evaluation.id, id);
    if (!before) throw notFound('vendor');
    if (input.name !== undefined) {
      const clash = await vendorByName(trx, a.evaluation.id, input.name);
      if (clash && clash.id !== id) throw duplicate(input.name);
    }
    const after = await writeVendor(trx, a.evaluation.id, id, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.website !== undefined ? { website: input.website.trim() } : {}),
      ...(input.category !== undefined ? { category: input.category.trim() } : {}),
      ...(input.description !== undefined ? { description: input.description.trim() } : {}),
      ...(input.price !== undefined ? { price: input.price } : {}),
    }, nowIso());
    await audit(trx, a, 'update', id, snapshot(before), snapshot(after));
  });
}

/** Removes a vendor and the scores given to it; the audit entry keeps what was removed. */
export async function removeVendor(db: Db, a: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await vendorIn(trx, a.evaluation.id, id);
    if (!before) throw notFound('vendor');
    assertStructureOpen(a, 'delete-vendor');
    const scores = await deleteVendor(trx, id);
    await audit(trx, a, 'delete', id, { ...snapshot(before), scores });
  });
}
