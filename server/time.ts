/** Now as ISO-8601 UTC, the one timestamp format the database stores. */
export const nowIso = (): string => new Date().toISOString();

/** A timestamp `days` from now, for expiries. */
export const daysFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();
