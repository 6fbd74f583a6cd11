/**
 * Parses an opaque id from a URL or body. Ids are integers inside and strings outside; anything
 * else is simply not found, never an error.
 */
export function parseId(raw: string | undefined | null): number | null {
  if (!raw || !/^[1-9]\d{0,14}$/.test(raw)) return null;
  return Number(raw);
}

export const idString = (id: number): string => String(id);
