import { zValidator, type Hook } from '@hono/zod-validator';
import type { Context, Env } from 'hono';
import type { z } from 'zod';
import { fieldErrors } from './validation.js';
import { AppError, type FieldErrors } from './errors.js';
import type { AppEnv } from './context.js';

/** A form's fields as typed: plain strings by name. */
export type FormValues = Record<string, string>;

/** A parsed form body as plain strings: the last value wins for a repeated name; files and `name[]` lists are left out. */
function plainFields(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    const last = Array.isArray(v) && !k.endsWith('[]') ? v[v.length - 1] : v;
    if (typeof last === 'string') out[k] = last;
  }
  return out;
}

/**
 * The form body as plain strings. After formValidator it reads the body that the validator
 * already parsed (Hono caches it), so a handler can re-render the form with what was typed.
 */
export async function formFields(c: Context): Promise<FormValues> {
  return plainFields(await c.req.parseBody());
}

/**
 * The one validation edge for HTML forms: `formValidator(schema, renderForm, toInput?)` as a
 * route's middleware, after the access check (so a refused user learns nothing about the form).
 * The fields (through `toInput` when the form's names or strings differ from the schema's input)
 * must pass `schema`; the handler then reads `c.req.valid('form')`. When they do not, `renderForm`
 * answers instead: the form again, with a message per field and what was typed (status 422).
 * @example .post('/', pageAccess('criteria', 'edit'), formValidator(NewCriterionSchema, renderNew, formInput), handler)
 */
export function formValidator<T extends z.ZodType, E extends Env = AppEnv>(
  schema: T,
  renderForm: (c: Context<E>, errors: FieldErrors, values: FormValues) => Response | Promise<Response>,
  toInput: (fields: FormValues) => unknown = (fields) => fields,
) {
  const onInvalid: Hook<z.infer<T>, E, string, 'form', {}, T> = async (result, c) => {
    if (!result.success) return renderForm(c, fieldErrors(result.error), plainFields(result.data as Record<string, unknown>));
  };
  // The cast: zod-validator types the result by a conditional on T that a generic T cannot resolve.
  const validationFunction = async (s: T, body: Record<string, unknown>) => (await s.safeParseAsync(toInput(plainFields(body)))) as never;
  return zValidator<T, 'form', E, string, typeof onInvalid>('form', schema, onInvalid, { validationFunction });
}

/**
 * formValidator with a schema that depends on the request: the weights form's fields are the
 * evaluation's criteria, a consensus value's message names the evaluation's scale. `schemaOf`
 * runs after the access check, so it can read `c.var.page`.
 */
export function formValidatorFor<T extends z.ZodType, E extends Env = AppEnv>(
  schemaOf: (c: Context<E>) => T | Promise<T>,
  renderForm: (c: Context<E>, errors: FieldErrors, values: FormValues) => Response | Promise<Response>,
  toInput?: (fields: FormValues) => unknown,
): ReturnType<typeof formValidator<T, E>> {
  const validate = (async (c: Context<E>, next: () => Promise<void>) => formValidator(await schemaOf(c), renderForm, toInput)(c as never, next)) as unknown;
  return validate as ReturnType<typeof formValidator<T, E>>;
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

/**
 * Saves a create/edit form whose name must be unique: a 303 to the address `save` returns, or the
 * form again with what was typed when the service refuses the name (on the name field) or the
 * input (a 400, onto the form). Anything else is rethrown for onError.
 */
export async function saveNamed(
  c: Context,
  save: () => Promise<string>,
  duplicateName: string,
  renderForm: (errors: FieldErrors, values: FormValues) => Response | Promise<Response>,
): Promise<Response> {
  let to: string;
  try {
    to = await save();
  } catch (err) {
    return renderForm(nameFormErrors(err, duplicateName), await formFields(c));
  }
  return c.redirect(to, 303);
}
