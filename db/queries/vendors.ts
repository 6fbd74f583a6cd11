import type { Db } from '../client.js';
import type { Vendor } from '../schema.js';

/** The key duplicate names are judged by: case and surrounding spaces do not make a new vendor. */
export const nameKey = (name: string): string => name.trim().toLowerCase();

export async function vendorsOf(db: Db, evaluationId: number): Promise<Vendor[]> {
  return db.selectFrom('vendors').selectAll().where('evaluation_id', '=', evaluationId).orderBy('name_key').execute();
}

export async function vendorIn(db: Db, evaluationId: number, vendorId: number): Promise<Vendor | undefined> {
  return db.selectFrom('vendors').selectAll().where('evaluation_id', '=', evaluationId).where('id', '=', vendorId).executeTakeFirst();
}

export async function vendorByName(db: Db, evaluationId: number, name: string): Promise<Vendor | undefined> {
  return db.selectFrom('vendors').selectAll().where('evaluation_id', '=', evaluationId).where('name_key', '=', nameKey(name)).executeTakeFirst();
}
