import type { Context } from 'hono';
import type { z } from 'zod';
import { fieldErrors } from './validation.js';
import type { FieldErrors } from './errors.js';

/** The form body as plain strings (the last value wins for repeated names; files are ignored). */
export async function formFields(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Validates a form: either the parsed data, or field errors to re-render the form with (status 422). */
export function checkForm<T extends z.ZodType>(schema: T, fields: unknown): { ok: true; data: z.infer<T> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(fields);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}

/**
 * A plain decimal as people type it ("3", "-1.5", "2,5"); NaN for anything else. Number() alone
 * would also accept "0x10", "1e3" or "Infinity", which no one means in a score or weight field.
 */
export function parseDecimal(s: string | undefined): number {
  const t = (s ?? '').trim();
  return /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t) ? Number(t.replace(',', '.')) : NaN;
}

/** An optional number from a text field: blank → undefined; anything unparsable stays a string so zod reports it. */
export const numberOrBlank = (s: string | undefined): number | string | undefined => {
  if (s === undefined || s.trim() === '') return undefined;
  const n = parseDecimal(s);
  return Number.isFinite(n) ? n : s;
};
