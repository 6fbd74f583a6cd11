import type { Db } from '../../db/client.js';
import { claimReminder, dueReminders, laggardsOf, setReminderRecipients, stageMembersOf } from '../../db/queries/deadline-reminders.js';
import { mails, type MailBody } from '../../views/mail/messages.js';
import { withLocale } from '../i18n/current.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales.js';
import { deliverPending, enqueueMail } from './outbox.js';
import { absolute, withLang, type MailSettings } from './settings.js';

/** Lead times of the deadline reminders, in hours. */
export const REMINDER_HOURS = [48, 4] as const;
/** A "stage is open" notice not sent within this time (e-mail was off, the app was down) is dropped. */
const OPENED_NOTICE_TTL_MS = 86_400_000;
const TICK_MS = 60_000;

type Due = Awaited<ReturnType<typeof dueReminders>>[number];

const stagePath = (evaluationId: number, stage: 'voting' | 'scoring') => `/evaluations/${evaluationId}/${stage === 'voting' ? 'vote' : 'scoring'}`;

/** Claims one mailing and writes its messages into the outbox, in one transaction: a crash leaves it unclaimed, never half-sent. */
async function claimAndQueue(db: Db, s: MailSettings, r: Due, at: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await claimReminder(trx, r.id, at))) return false;
    const people = r.kind === 'opened' ? await stageMembersOf(trx, r.evaluation_id, r.stage) : await laggardsOf(trx, r.evaluation_id, r.stage);
    const deadline = r.stage === 'voting' ? r.voting_deadline : r.scoring_deadline;
    // No request is being answered: each person gets the mail, and a link that opens the pages, in
    // the language they picked (stored with the switcher), else English.
    const mailIn = (locale: Locale): MailBody => withLocale(locale, () => {
      const link = absolute(s.appUrl, withLang(stagePath(r.evaluation_id, r.stage)));
      return r.kind === 'opened'
        ? mails.stageOpen({ stage: r.stage, evaluation: r.evaluation_name, link, deadline })
        : mails.reminder({ stage: r.stage, evaluation: r.evaluation_name, link, deadline: r.deadline, hoursBefore: r.hours_before });
    });
    const bodies = new Map<Locale, MailBody>();
    const bodyIn = (locale: Locale) => {
      if (!bodies.has(locale)) bodies.set(locale, mailIn(locale));
      return bodies.get(locale)!;
    };
    const recipients = people.map((p) => ({ ...bodyIn(isLocale(p.locale) ? p.locale : DEFAULT_LOCALE), to: p.email, kind: `${r.kind}-${r.stage}`, evaluationId: r.evaluation_id }));
    await enqueueMail(trx, s, recipients, at);
    await setReminderRecipients(trx, r.id, people.length);
    return true;
  });
}

/**
 * One pass of the scheduler at `now`: claims the reminders and notices that are due, queues their
 * messages, then sends what the outbox holds (retries included). Tests call it with their own clock.
 * Without e-mail it does nothing, so the mailings wait for a configured server.
 */
export async function mailTick(db: Db, s: MailSettings, now: Date = new Date()): Promise<{ mailings: number; sent: number; failed: number }> {
  if (!s.enabled) return { mailings: 0, sent: 0, failed: 0 };
  const at = now.toISOString();
  let mailings = 0;
  for (const r of await dueReminders(db, at, new Date(now.getTime() - OPENED_NOTICE_TTL_MS).toISOString())) {
    if (await claimAndQueue(db, s, r, at)) mailings += 1;
  }
  return { mailings, ...(await deliverPending(db, s, () => now)) };
}

/**
 * Runs mailTick every minute inside the app. The timer is unref'd (it never keeps the process
 * alive), ticks never overlap, and a failing tick is logged and retried at the next one.
 */
export function startMailScheduler(db: Db, s: MailSettings, everyMs = TICK_MS, log: (msg: string) => void = console.error) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return running;
    running = mailTick(db, s).catch((e: unknown) => log(`mail scheduler: ${e instanceof Error ? e.message : String(e)}`)).finally(() => { running = null; });
    return running;
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { tick, stop: async () => { clearInterval(timer); await running; } };
}
