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

/** An optional number from a text field: blank → undefined; anything unparsable stays a string so zod reports it. */
export const numberOrBlank = (s: string | undefined): number | string | undefined => {
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : s;
};
