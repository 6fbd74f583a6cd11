import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, createEvaluation, expectApiError, signupUser } from '../setup/app.js';
import { makeMailApp, startSmtp } from '../setup/smtp.js';
import { mailTick } from '../../server/mail/scheduler.js';
import { mailSettings } from '../../server/mail/settings.js';
import { closeTransports } from '../../server/mail/transport.js';

const H = 3_600_000;

describe('deadlines, stage notices and reminders, through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => { smtp = await startSmtp(); });
  afterAll(async () => { closeTransports(); await smtp.close(); });

  test('voting opens → notice; 48 h and 4 h before the deadline → one reminder each to who has not voted, even with racing ticks', async () => {
    const { app, db, env } = await makeMailApp(smtp.url);
    const s = mailSettings(env);
    const fac = await signupUser(app, { name: 'Fay' });
    const stake = await signupUser(app, { name: 'Stan' });
    const ev = await signupUser(app, { name: 'Eve' });
    const id = await createEvaluation(app, fac.token, { name: 'Deadline eval' });
    await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: stake.email, role: 'stakeholder', group: 'IT' });
    await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: ev.email, role: 'evaluator' });

    const bad = expectApiError(await api(app, fac.token, 'PUT', `/api/v1/evaluations/${id}/deadlines`, { voting: 'next friday', scoring: '2026-13-40T00:00:00Z' }), 400);
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['scoring', 'voting']);
    expectApiError(await api(app, ev.token, 'PUT', `/api/v1/evaluations/${id}/deadlines`, { voting: 'garbage' }), 403);

    const start = Date.now();
    const deadline = new Date(start + 72 * H).toISOString();
    const set = await api(app, fac.token, 'PUT', `/api/v1/evaluations/${id}/deadlines`, { voting: deadline.replace('Z', '+00:00') });
    expect(set.status, set.text).toBe(200);
    expect(set.json).toEqual({ voting: deadline, scoring: null });

    // Nothing is due while the evaluation is a draft.
    expect((await mailTick(db, s, new Date(start))).mailings).toBe(0);
    expect((await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'voting', force: true })).status).toBe(200);

    const base = smtp.received.length;
    const notice = await mailTick(db, s, new Date(start + 60_000));
    expect(notice).toMatchObject({ mailings: 1, sent: 2 });
    const opened = smtp.received.slice(base);
    expect(opened.map((m) => m.to[0]).sort()).toEqual([fac.email, stake.email].sort());
    expect(opened[0]!.subject).toBe('Voting is open: “Deadline eval”');
    expect(opened[0]!.text).toContain(`https://cx.example.test/evaluations/${id}/vote`);
    expect(opened[0]!.html).toContain('Cast your vote');
    expect((await mailTick(db, s, new Date(start + 120_000))).mailings).toBe(0);

    expect((await mailTick(db, s, new Date(start + 23 * H))).mailings).toBe(0);
    const r48 = await mailTick(db, s, new Date(start + 25 * H));
    expect(r48).toMatchObject({ mailings: 1, sent: 2 });
    const racing = await Promise.all([mailTick(db, s, new Date(start + 69 * H)), mailTick(db, s, new Date(start + 69 * H)), mailTick(db, s, new Date(start + 69 * H))]);
    expect(racing.reduce((n, r) => n + r.mailings, 0)).toBe(1);
    expect(racing.reduce((n, r) => n + r.sent, 0)).toBe(2);
    expect((await mailTick(db, s, new Date(start + 71 * H))).mailings).toBe(0);
    expect((await mailTick(db, s, new Date(start + 80 * H))).mailings).toBe(0);

    const reminders = smtp.received.slice(base + 2);
    expect(reminders.map((m) => m.subject)).toEqual([
      'Reminder: your vote on “Deadline eval” is due in 48 hours', 'Reminder: your vote on “Deadline eval” is due in 48 hours',
      'Reminder: your vote on “Deadline eval” is due in 4 hours', 'Reminder: your vote on “Deadline eval” is due in 4 hours',
    ]);
    expect(reminders.every((m) => m.to[0] !== ev.email)).toBe(true);
    const rows = await db.selectFrom('deadline_reminders').select(['kind', 'hours_before', 'claimed_at', 'recipients']).orderBy('id').execute();
    expect(rows.map((r) => [r.kind, r.hours_before, r.recipients])).toEqual([['reminder', 48, 2], ['reminder', 4, 2], ['opened', 0, 2]]);

    // Scoring opens: the evaluator and the facilitator who declared (they score) are told.
    const beforeScoring = smtp.received.length;
    expect((await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/status`, { status: 'scoring', force: true })).status).toBe(200);
    expect((await mailTick(db, s, new Date(Date.now() + 1000))).sent).toBe(2);
    expect(smtp.received.slice(beforeScoring).map((m) => m.to[0]).sort()).toEqual([ev.email, fac.email].sort());
    expect(smtp.received.at(-1)!.subject).toBe('Scoring is open: “Deadline eval”');
  });

  test('stakeholder voting links are e-mailed when e-mail is on', async () => {
    const { app } = await makeMailApp(smtp.url);
    const fac = await signupUser(app, { name: 'Fay' });
    const id = await createEvaluation(app, fac.token, { name: 'Vote eval' });
    const before = smtp.received.length;
    const res = await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/invites`, { email: 'voter@example.test', name: 'Vic' });
    expect(res.status, res.text).toBe(201);
    expect(res.json.emailed).toBe(true);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.to).toEqual(['voter@example.test']);
    expect(mail!.text).toContain('https://cx.example.test/invite/cxs_');
  });
});

describe('a slow or failing mail server', () => {
  test('a slow server costs the request a bounded wait; the mail still arrives later', async () => {
    const smtp = await startSmtp({ delayMs: 4_500 });
    try {
      const { app } = await makeMailApp(smtp.url);
      const fac = await signupUser(app);
      const id = await createEvaluation(app, fac.token);
      const t0 = Date.now();
      const res = await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: 'slow@example.test', role: 'observer' });
      expect(Date.now() - t0).toBeLessThan(4_000);
      expect(res.status).toBe(201);
      expect(res.json).toEqual({ status: 'invited', emailed: false });
      expect((await smtp.waitFor(1, 6_000)).length).toBe(1);
    } finally { closeTransports(); await smtp.close(); }
  }, 15_000);

  test('a refused message is recorded on the outbox, the write stands, and no 500', async () => {
    const smtp = await startSmtp({ fail: true });
    try {
      const { app, db } = await makeMailApp(smtp.url);
      const fac = await signupUser(app);
      const id = await createEvaluation(app, fac.token);
      const res = await api(app, fac.token, 'POST', `/api/v1/evaluations/${id}/members`, { email: 'bounce@example.test', role: 'observer' });
      expect(res.status).toBe(201);
      expect(res.json).toEqual({ status: 'invited', emailed: false });
      const row = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      expect(row.sent_at).toBeNull();
      expect(row.last_error).toMatch(/mailbox unavailable/);
      const listed = await api(app, fac.token, 'GET', `/api/v1/evaluations/${id}/members`);
      expect(listed.json.members).toContainEqual(expect.objectContaining({ email: 'bounce@example.test', status: 'invited' }));
    } finally { closeTransports(); await smtp.close(); }
  }, 15_000);
});
