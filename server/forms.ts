import type { Context } from 'hono';
import type { z } from 'zod';
import { fieldErrors } from './validation.js';
import { AppError, type FieldErrors } from './errors.js';

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

/** A rule's refusal the user can act on: the page re-renders with it (422 for a 400) instead of showing an error page. */
export interface Refusal { status: 404 | 409 | 422; message: string; errors: FieldErrors }

/**
 * Runs a service call from a form handler. An AppError with one of `statuses` comes back as a
 * Refusal (errors = the message under `_` plus the error's fields); anything else is rethrown for
 * onError.
 */
export async function refusalOf(work: () => Promise<unknown>, statuses: readonly number[] = [400, 409]): Promise<Refusal | null> {
  try {
    await work();
    return null;
  } catch (err) {
    if (!(err instanceof AppError) || !statuses.includes(err.status)) throw err;
    const status = err.status === 400 ? 422 : (err.status as 404 | 409);
    return { status, message: err.message, errors: { _: err.message, ...(err.fields ?? {}) } };
  }
}

/** A create/edit form's service errors: a duplicate name goes on the name field, a 400 onto the form; anything else is rethrown. */
export function nameFormErrors(err: unknown, duplicateName: string): FieldErrors {
  if (err instanceof AppError && err.code === 'duplicate_name') return { name: duplicateName };
  if (err instanceof AppError && err.status === 400) return { ...(err.fields ?? {}), _: err.message };
  throw err;
}
