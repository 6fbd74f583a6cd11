import { z } from 'zod';

/** An id as the API speaks it: a string of digits (numbers are accepted too, for scripts' convenience). */
export const IdSchema = z.union([z.string().regex(/^[1-9]\d{0,14}$/, { error: 'Not a valid id.' }), z.number().int().positive()]).transform(Number);

/** Trimmed, non-empty text with a length cap: names are shown in tables and exported. */
export const Name = (max = 120) => z.string({ error: 'Required.' }).trim().min(1, { error: 'Required.' }).max(max, { error: `At most ${max} characters.` });

export const OptionalText = (max: number) => z.string().trim().max(max, { error: `At most ${max} characters.` });
