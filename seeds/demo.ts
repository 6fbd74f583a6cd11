import type { Db } from '../db/client.js';
export async function seedDemo(_db: Db): Promise<{ email: string; password: string } | null> { return null; }
