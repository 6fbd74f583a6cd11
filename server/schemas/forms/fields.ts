import { z } from 'zod';
import { parseDecimal } from '../../forms.js';
import { parseId } from '../../ids.js';

/** An id field of a page form: digits → the id; blank, missing or anything else → undefined (the service or a 404 says what is wrong). */
export const FormId = z.string().optional().transform((s) => parseId(s) ?? undefined);

/** A decimal field as people type it ("2,5" too); missing or unparsable → NaN, for a refine to name. */
export const FormDecimal = z.string().optional().transform((s) => parseDecimal(s));

/** Free text, trimmed and cut at `max` characters (a page keeps what fits rather than refusing). */
export const FormText = (max: number) => z.string().optional().transform((s) => (s ?? '').trim().slice(0, max));

/** A checkbox that sends "1" when ticked. */
export const FormTick = z.string().optional().transform((s) => s === '1');

/** The fields whose names start with `prefix`, keyed by the rest of the name: `g.12` → `{ "12": … }`. */
export const prefixed = (fields: Record<string, string>, prefix: string): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
