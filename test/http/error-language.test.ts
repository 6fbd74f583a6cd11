import { expect, test } from 'vitest';
import { makeTestApp, signupUser } from '../setup/app.js';

// Issue 16: an error's message is human text in the caller's language; its code is the contract.
test('API errors answer in Accept-Language, with the same codes and shape', async () => {
  const { app } = await makeTestApp();
  const user = await signupUser(app);
  const ask = (lang: string, path: string, init: RequestInit = {}) => app.request(path, { ...init, headers: { authorization: `Bearer ${user.token}`, 'accept-language': lang, ...(init.headers ?? {}) } });

  const missing = await ask('de', '/api/v1/evaluations/999999');
  expect(missing.status).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'Die Evaluierung wurde nicht gefunden.' } });
  expect(((await (await ask('en', '/api/v1/evaluations/999999')).json()) as { error: { message: string } }).error.message).toBe('The evaluation was not found.');

  const badJson = await ask('pl', '/api/v1/evaluations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
  expect(badJson.status).toBe(400);
  const body = (await badJson.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('malformed_json');
  expect(body.error.message).toBe('Treść nie jest poprawnym JSON-em.');

  const anonymous = await app.request('/api/v1/evaluations/1', { headers: { 'accept-language': 'nl' } });
  expect(anonymous.status).toBe(401);
  expect(((await anonymous.json()) as { error: unknown }).error).toEqual({ code: 'unauthorized', message: 'Meld u aan of stuur een geldig Bearer-token.' });
});
