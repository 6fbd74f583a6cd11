import { z } from 'zod';
import { m } from '../../views/messages/index.js';

/** Read when zod reports an issue, inside the request, so in its language (issue 16). */
const v = m.validation;

/** An id as the API speaks it: a string of digits (numbers are accepted too, for scripts' convenience). */
export const IdSchema = z.union([z.string().regex(/^[1-9]\d{0,14}$/, { error: () => v.invalidId }), z.number().int().positive()]).transform(Number);

/** Trimmed, non-empty text with a length cap: names are shown in tables and exported. */
export const Name = (max = 120) => z.string({ error: () => v.required }).trim().min(1, { error: () => v.required }).max(max, { error: () => v.atMostChars(max) });

export const OptionalText = (max: number) => z.string().trim().max(max, { error: () => v.atMostChars(max) });
