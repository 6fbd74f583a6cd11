import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import type { $ZodError } from 'zod/v4/core';
import { AppError, badRequest, type FieldErrors } from './errors.js';

/** zod issues → `{ "a.b": "message" }`, the `fields` of API.md's error shape (first message per field). */
export function fieldErrors(error: z.ZodError | $ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** The one zod hook of the API: a failed check becomes a 400 naming each bad field (the OpenAPI routers' defaultHook too). */
export const apiHook = (result: { success: true } | { success: false; error: z.ZodError | $ZodError }) => {
  if (!result.success) throw badRequest('The request did not pass validation.', fieldErrors(result.error));
};

/** Hono's json validator reads any other content type as `{}`, which an all-optional schema (a PATCH) would accept. */
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Validates one part of an API request; a failure becomes a 400 naming each bad field.
 * @example app.post('/x', apiValid('json', Schema), (c) => c.req.valid('json'))
 */
export function apiValid<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  const validate = zValidator(target, schema, apiHook);
  if (target !== 'json') return validate;
  const jsonOnly: typeof validate = async (c, next) => {
    if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      throw new AppError(400, 'unsupported_content_type', 'Send the body as JSON, with Content-Type: application/json.');
    }
    return validate(c, next);
  };
  return jsonOnly;
}
