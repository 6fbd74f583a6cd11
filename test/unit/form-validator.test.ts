import { Hono } from 'hono';
import { expect, test } from 'vitest';
import { z } from 'zod';
import { formFields, formValidator } from '../../server/forms.js';

const Schema = z.object({ name: z.string().min(2, 'Too short.'), size: z.number().int() });

/** A form route as the pages declare one: access first, then the form, then the handler. */
function app(order: string[]) {
  return new Hono()
    .post('/', async (_c, next) => { order.push('access'); await next(); },
      formValidator(Schema, (c, errors, values) => c.json({ errors, values }, 422), (f) => ({ name: f.name, size: Number(f.size) })),
      async (c) => c.json({ data: c.req.valid('form'), fields: await formFields(c) }));
}

const post = (a: Hono, body: string) => a.request('/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

test('a valid form reaches the handler as the parsed data, and the typed fields stay readable', async () => {
  const order: string[] = [];
  const res = await post(app(order), 'name=Ada&size=3&extra=x');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ data: { name: 'Ada', size: 3 }, fields: { name: 'Ada', size: '3', extra: 'x' } });
  expect(order).toEqual(['access']);
});

test('an invalid form is answered by the render callback with a message per field and what was typed', async () => {
  const res = await post(app([]), 'name=A&size=x');
  expect(res.status).toBe(422);
  expect(await res.json()).toEqual({ errors: { name: 'Too short.', size: expect.any(String) }, values: { name: 'A', size: 'x' } });
});

test('fields read as formFields always read them: the last of a repeated name, no name[] lists', async () => {
  const res = await post(app([]), 'name=A&name=Bea&size=1&tags[]=a&tags[]=b');
  expect(await res.json()).toEqual({ data: { name: 'Bea', size: 1 }, fields: { name: 'Bea', size: '1' } });
});

test('access runs before validation: a refused request never reaches the form check', async () => {
  const refused = new Hono()
    .onError((_err, c) => c.text('refused', 403))
    .post('/', async () => { throw new Error('no'); }, formValidator(Schema, (c) => c.text('form', 422)), (c) => c.text('ok'));
  const res = await post(refused, 'name=A');
  expect(res.status).toBe(403);
});
