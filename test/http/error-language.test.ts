import { describe, expect, test } from 'vitest';
import { usesWriterThread } from '../../server/score-writes/score-writer.js';
import { engineOf } from '../../db/dialect.js';
import { addCriterion, addVendor, api, createEvaluation, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

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

// The refusals that were still English (issue 16): one of each family, asked for in German.
describe('the refusals of scores, guards, withdrawals and the longlist import answer in German', () => {
  const german = (app: TestApp, token: string) => async (method: string, path: string, body?: unknown, type = 'application/json') => {
    const r = await app.request(path, { method, headers: { authorization: `Bearer ${token}`, 'accept-language': 'de', ...(body !== undefined ? { 'content-type': type } : {}) }, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    return { status: r.status, error: ((await r.json()) as { error: { code: string; message: string; fields?: Record<string, string> } }).error };
  };

  test('a single score out of scale, refused in the writer thread, in the writer’s language', async () => {
    const { app, db } = await makeTestApp({ file: true });
    const owner = await signupUser(app);
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    const leaf = await addCriterion(app, owner.token, id, { name: 'APIs' });
    const vendor = await addVendor(app, owner.token, id, { name: 'Alpha' });
    expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'scoring' })).status).toBe(200);
    const ask = german(app, owner.token);
    const out = await ask('PUT', `/api/v1/evaluations/${id}/scores`, { vendorId: vendor, criterionId: leaf, value: 999 });
    // On SQLite a file database writes single scores in the writer thread; PostgreSQL has none.
    expect(usesWriterThread(db)).toBe(engineOf(db) === 'sqlite');
    expect(out.status).toBe(400);
    expect(out.error.code).toBe('validation_failed');
    expect(out.error.message).toMatch(/^Die Punktzahl muss zwischen \d+ und \d+ liegen\.$/);
    // Stale versions are phrased there too; English callers in the same batch keep English.
    const [stale, english] = await Promise.all([
      ask('PUT', `/api/v1/evaluations/${id}/scores`, { vendorId: vendor, criterionId: leaf, value: 1, version: 3 }),
      api(app, owner.token, 'PUT', `/api/v1/evaluations/${id}/scores`, { vendorId: vendor, criterionId: leaf, value: 1, version: 3 }),
    ]);
    expect(stale.error).toMatchObject({ code: 'stale_version', message: 'Jemand hat diese Punktzahl inzwischen gespeichert (jetzt ohne Wert, Version 0). Laden Sie die Seite neu, um sie zu sehen.' });
    expect(english.json.error.message).toBe('Someone saved this score in the meantime (now no value, version 0). Reload to see it.');

    // A batch names its item; the status guard and the structure guard compose their sentences from codes.
    const batch = await ask('POST', `/api/v1/evaluations/${id}/scores/batch`, { scores: [{ vendorId: vendor, criterionId: leaf, value: 1 }, { vendorId: '999999', criterionId: leaf, value: 1 }] });
    expect(batch).toEqual({ status: 400, error: { code: 'validation_failed', message: 'Eintrag 1: Der Anbieter gehört nicht zu dieser Evaluierung.', fields: { 'scores.1.vendorId': 'Unbekannter Anbieter.' } } });
    const frozen = await ask('DELETE', `/api/v1/evaluations/${id}/vendors/${vendor}`);
    expect(frozen.error.code).toBe('structure_frozen');
    expect(frozen.error.message).toBe('Die Bewertung hat begonnen (die Evaluierung ist in der Phase Bewertung), daher können Anbieter nicht gelöscht werden (ziehen Sie den Anbieter stattdessen mit Begründung zurück). Namen und Beschreibungen können weiterhin bearbeitet werden.');
    const empty = await createEvaluation(app, owner.token, { template: 'blank' });
    const opening = await ask('POST', `/api/v1/evaluations/${empty}/status`, { status: 'scoring' });
    expect(opening.error).toEqual({ code: 'precondition_failed', message: 'Die Evaluierung kann nicht in die Phase Bewertung wechseln: es gibt keinen Anbieter zu bewerten (fügen Sie zuerst Anbieter hinzu oder importieren Sie sie); es gibt kein bewertetes Kriterium (ein Blatt der Art „bewertet“).' });

    expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/vendors/${vendor}/withdrawal`, { reason: 'Left the market' })).status).toBe(200);
    const again = await ask('POST', `/api/v1/evaluations/${id}/vendors/${vendor}/withdrawal`, { reason: 'Again' });
    expect(again.error).toEqual({ code: 'already_withdrawn', message: 'Alpha wurde bereits zurückgezogen: Left the market' });
    await db.destroy();
  });

  test('a vote the voting rules refuse says why in German, field by field', async () => {
    const { app } = await makeTestApp();
    const owner = await signupUser(app);
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    const [a, b] = [await addCriterion(app, owner.token, id, { name: 'Reach' }), await addCriterion(app, owner.token, id, { name: 'Depth' })];
    expect((await api(app, owner.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'voting' })).status).toBe(200);
    const out = await german(app, owner.token)('PUT', `/api/v1/evaluations/${id}/votes/me`, { method: 'points', points: { [a]: 60, [b]: -10 } });
    expect(out).toEqual({ status: 400, error: { code: 'validation_failed', message: 'Punkte dürfen nicht negativ sein.', fields: { [`points.${b}`]: 'Punkte dürfen nicht negativ sein.' } } });
  });

  test('query checks once written in the schemas (made at import, so English) answer in German', async () => {
    const { app } = await makeTestApp();
    const owner = await signupUser(app);
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    const ask = german(app, owner.token);
    expect((await ask('GET', `/api/v1/evaluations/${id}/audit?after=abc`)).error.fields).toEqual({ after: 'Kein gültiger Cursor.' });
    expect((await ask('GET', `/api/v1/evaluations/${id}/ranking?method=best`)).error.fields).toEqual({ method: 'Eines von weighted-sum, topsis, value-for-money.' });
  });

  test('the longlist import API: content type, an empty file and a file the CSV rules refuse', async () => {
    const { app } = await makeTestApp();
    const owner = await signupUser(app);
    const id = await createEvaluation(app, owner.token, { template: 'blank' });
    const ask = german(app, owner.token);
    const path = `/api/v1/evaluations/${id}/vendors/import`;
    expect(await ask('POST', path, 'name\nAcme\n', 'application/pdf')).toEqual({ status: 400, error: { code: 'unsupported_content_type', message: 'Senden Sie die Datei als Anfragetext mit Content-Type: text/csv.', fields: { 'content-type': 'Erwartet wird text/csv, nicht „application/pdf“.' } } });
    expect((await ask('POST', path, '', 'text/csv')).error.fields).toEqual({ file: 'Leer.' });
    // Refused in the heavy pool's thread: the domain gives a code, the thread phrases it in German.
    expect((await ask('POST', path, 'website,price\nacme.io,1\n', 'text/csv')).error).toEqual({ code: 'validation_failed', message: 'Die Kopfzeile braucht eine Spalte "name".', fields: { header: 'Die Kopfzeile braucht eine Spalte "name".' } });
    expect((await ask('POST', path, 'name\nA\n', 'text/csv; charset=klingon')).error.message).toBe('Der Zeichensatz „klingon“ wird nicht unterstützt; senden Sie die Datei als UTF-8.');
    // A line left out says why in German too.
    const rejected = await app.request(path, { method: 'POST', headers: { authorization: `Bearer ${owner.token}`, 'accept-language': 'de', 'content-type': 'text/csv' }, body: 'name,price\nAcme,lots\nAcme,1\n' });
    expect(((await rejected.json()) as { rejected: unknown }).rejected).toEqual([{ line: 2, error: 'Der Preis „lots“ ist keine Zahl ≥ 0.' }]);
  });
});
