import { zValidator } from '@hono/zod-validator';
import type { Context, ValidationTargets } from 'hono';
import type { z } from 'zod';
import type { $ZodError } from 'zod/v4/core';
import { AppError, badRequest, type FieldErrors } from './errors.js';
import { m } from '../views/messages/index.js';

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
  if (!result.success) throw badRequest(m.errors.validationFailed, fieldErrors(result.error));
};

/** Hono's json validator reads any other content type as `{}`, which an all-optional schema (a PATCH) would accept. */
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The charset a Content-Type names, lower-cased, or undefined. */
export const charsetOf = (contentType: string): string | undefined => /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType)?.[1]?.toLowerCase();

/**
 * The request as a whole is not a JSON body this API reads: a 400 whose `fields` names the part
 * at fault, `content-type` or `body` (issue 15: every 400 names its problem).
 */
async function refuseUnreadableJson(c: Context): Promise<void> {
  const type = c.req.header('content-type') ?? '';
  if (!JSON_TYPE.test(type)) {
    throw new AppError(400, 'unsupported_content_type', m.errors.sendJson,
      { 'content-type': type === '' ? m.errors.jsonTypeMissing : m.errors.jsonTypeWrong(type.slice(0, 80)) });
  }
  const charset = charsetOf(type);
  // JSON is UTF-8 (RFC 8259); the body is decoded as such, so another charset would be read wrongly.
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new AppError(400, 'unsupported_charset', m.errors.sendUtf8, { 'content-type': m.errors.charsetWrong(charset.slice(0, 40)) });
  }
  try {
    // Hono keeps the parsed body, so the validator after this reads it without parsing again.
    await c.req.json();
  } catch (e) {
    const reason = e instanceof SyntaxError ? e.message.slice(0, 160) : 'unreadable';
    throw new AppError(400, 'malformed_json', m.errors.malformedJson, { body: m.errors.malformedJsonField(reason) });
  }
}

/**
 * Validates one part of an API request; a failure becomes a 400 naming each bad field.
 * @example app.post('/x', apiValid('json', Schema), (c) => c.req.valid('json'))
 */
export function apiValid<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  const validate = zValidator(target, schema, apiHook);
  if (target !== 'json') return validate;
  const jsonOnly: typeof validate = async (c, next) => {
    await refuseUnreadableJson(c);
    return validate(c, next);
  };
  return jsonOnly;
}
