/** One e-mail: a subject and the same words as plain text and as HTML. */
export interface MailBody { subject: string; text: string; html: string }

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** Paragraphs and one call to action, as text and HTML; `link` is absolute. */
export function compose(subject: string, paragraphs: string[], action: { label: string; link: string }): MailBody {
  const text = [...paragraphs, `${action.label}: ${action.link}`, '', '— cxbench'].join('\n\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem">`
    + paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')
    + `<p><a href="${esc(action.link)}" style="display:inline-block;padding:.5rem 1rem;background:#1d4ed8;color:#fff;border-radius:4px;text-decoration:none">${esc(action.label)}</a></p>`
    + `<p style="color:#555;font-size:.9em">Or copy this address: ${esc(action.link)}</p></body></html>`;
  return { subject, text, html };
}

const ROLE_WORDS: Record<string, string> = { facilitator: 'a facilitator', evaluator: 'an evaluator', stakeholder: 'a stakeholder', observer: 'an observer' };

/** A readable UTC time for mails: "7 Dec 2026, 14:00 UTC". */
export const mailTime = (iso: string) => {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${d.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })} ${d.getUTCFullYear()}, ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')} UTC`;
};

export const mails = {
  invitation: (p: { inviter: string; evaluation: string; role: string; link: string; expiresAt: string }) => compose(
    `${p.inviter} invites you to “${p.evaluation}” on cxbench`,
    [`${p.inviter} has added you as ${ROLE_WORDS[p.role] ?? p.role} to the evaluation “${p.evaluation}”.`,
      `Open your personal link to choose your name and a password; it works once and until ${mailTime(p.expiresAt)}.`],
    { label: 'Join the evaluation', link: p.link },
  ),
  voteLink: (p: { inviter: string; evaluation: string; link: string; expiresAt: string }) => compose(
    `Your vote on the criteria of “${p.evaluation}”`,
    [`${p.inviter} asks you to say how much each criterion of “${p.evaluation}” matters to you. It takes a few minutes and needs no account.`,
      `Your personal link signs you in to vote until ${mailTime(p.expiresAt)}. Do not forward it.`],
    { label: 'Vote now', link: p.link },
  ),
  stageOpen: (p: { stage: 'voting' | 'scoring'; evaluation: string; link: string; deadline: string | null }) => compose(
    p.stage === 'voting' ? `Voting is open: “${p.evaluation}”` : `Scoring is open: “${p.evaluation}”`,
    [p.stage === 'voting' ? `Voting on the criteria of “${p.evaluation}” is open.` : `Scoring of the vendors of “${p.evaluation}” is open.`,
      p.deadline ? `It closes on ${mailTime(p.deadline)}.` : 'The facilitator closes it when the panel is done.'],
    { label: p.stage === 'voting' ? 'Cast your vote' : 'Start scoring', link: p.link },
  ),
  reminder: (p: { stage: 'voting' | 'scoring'; evaluation: string; link: string; deadline: string; hoursBefore: number }) => compose(
    p.stage === 'voting' ? `Reminder: your vote on “${p.evaluation}” is due in ${p.hoursBefore} hours` : `Reminder: your scores for “${p.evaluation}” are due in ${p.hoursBefore} hours`,
    [p.stage === 'voting' ? `You have not voted on the criteria of “${p.evaluation}” yet.` : `You have not submitted your scores for “${p.evaluation}” yet.`,
      `The deadline is ${mailTime(p.deadline)}.`],
    { label: p.stage === 'voting' ? 'Cast your vote' : 'Finish scoring', link: p.link },
  ),
};
