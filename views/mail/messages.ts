import { currentLocale } from '../../server/i18n/current.js';
import { m } from '../messages/index.js';

/** One e-mail: a subject and the same words as plain text and as HTML. */
export interface MailBody { subject: string; text: string; html: string }

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** Paragraphs and one call to action, as text and HTML, in the current language; `link` is absolute. */
export function compose(subject: string, paragraphs: string[], action: { label: string; link: string }): MailBody {
  const text = [...paragraphs, `${action.label}: ${action.link}`, '', '— cxbench'].join('\n\n');
  const html = `<!doctype html><html lang="${currentLocale()}"><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem">`
    + paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')
    + `<p><a href="${esc(action.link)}" style="display:inline-block;padding:.5rem 1rem;background:#1d4ed8;color:#fff;border-radius:4px;text-decoration:none">${esc(action.label)}</a></p>`
    + `<p style="color:#555;font-size:.9em">${esc(m.mail.copyAddress(action.link))}</p></body></html>`;
  return { subject, text, html };
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A UTC time for mails as the current language writes it: "7 Dec 2026, 14:00 UTC", "7. Dez. 2026, 14:00 UTC". */
export const mailTime = (iso: string) => {
  const locale = currentLocale();
  let f = timeFormats.get(locale);
  // English mail has always used the day-month order ("7 Dec"), which en-GB writes.
  if (!f) timeFormats.set(locale, (f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })));
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : m.mail.utcTime(f.format(d));
};

/** Every mail cxbench sends, made in the language current when it is called (ADR 032). */
export const mails = {
  invitation: (p: { inviter: string; evaluation: string; role: string; link: string; expiresAt: string }) => compose(
    m.mail.invitation.subject(p.inviter, p.evaluation),
    [m.mail.invitation.added(p.inviter, p.role, p.evaluation), m.mail.invitation.linkUntil(mailTime(p.expiresAt))],
    { label: m.mail.invitation.action, link: p.link },
  ),
  voteLink: (p: { inviter: string; evaluation: string; link: string; expiresAt: string }) => compose(
    m.mail.voteLink.subject(p.evaluation),
    [m.mail.voteLink.ask(p.inviter, p.evaluation), m.mail.voteLink.linkUntil(mailTime(p.expiresAt))],
    { label: m.mail.voteLink.action, link: p.link },
  ),
  stageOpen: (p: { stage: 'voting' | 'scoring'; evaluation: string; link: string; deadline: string | null }) => compose(
    m.mail.stageOpen.subject(p.stage, p.evaluation),
    [m.mail.stageOpen.opened(p.stage, p.evaluation), p.deadline ? m.mail.stageOpen.closesOn(mailTime(p.deadline)) : m.mail.stageOpen.noDeadline],
    { label: m.mail.stageOpen.action(p.stage), link: p.link },
  ),
  reminder: (p: { stage: 'voting' | 'scoring'; evaluation: string; link: string; deadline: string; hoursBefore: number }) => compose(
    m.mail.reminder.subject(p.stage, p.evaluation, p.hoursBefore),
    [m.mail.reminder.pending(p.stage, p.evaluation), m.mail.reminder.deadlineIs(mailTime(p.deadline))],
    { label: m.mail.reminder.action(p.stage), link: p.link },
  ),
};
