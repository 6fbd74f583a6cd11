import { z } from 'zod';
import { Name } from './common.js';

const Email = z.string({ error: 'Required.' }).trim().toLowerCase().pipe(z.email({ error: 'Enter a valid email address.' })).pipe(z.string().max(254));

export const SignupSchema = z.object({
  email: Email,
  password: z.string({ error: 'Required.' }).min(10, { error: 'At least 10 characters.' }).max(200, { error: 'At most 200 characters.' }),
  name: Name(100),
  teamName: Name(100),
});

export const LoginSchema = z.object({
  email: z.string({ error: 'Required.' }).trim().min(1, { error: 'Required.' }).max(254),
  password: z.string({ error: 'Required.' }).min(1, { error: 'Required.' }).max(200),
});
