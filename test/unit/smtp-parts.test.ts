import nodemailer from 'nodemailer';
import { expect, test } from 'vitest';
import { parts } from '../setup/smtp.js';
import { passwordResetMail } from '../../views/mail/password-reset.js';

// The test SMTP server's reading of a message (test/setup/smtp.ts) must give back the link the app
// sent, whatever its token. A token whose `--` lands at the start of a quoted-printable line (a soft
// line break before it; about one reset mail in 6,700) was cut there, read as a MIME boundary: the
// cause of password-reset.test.ts failing once with 404 for a good link.

const composed = async (token: string) => {
  const body = passwordResetMail({ link: `https://cx.example.test/password-reset/${token}`, expiresAt: '2026-12-05T20:00:00.000Z' });
  const info = await nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
    .sendMail({ from: 'a@example.test', to: 'u@example.test', subject: body.subject, text: body.text, html: body.html });
  return (info.message as Buffer).toString('utf8');
};

test('a token with `--` at the start of an encoded line comes back whole, in the text and the HTML', async () => {
  const token = 'cxp_rTDB9eV--XCVs9nOBaFON1adgDCntteDZfZmMKg-0HE';
  const raw = await composed(token);
  // The case itself: the encoder broke the line right before the `--`.
  expect(raw).toContain('cxp_rTDB9eV=\r\n--XCVs9n');
  const { text, html } = parts(raw);
  // The whole token, and nothing of it left over after it.
  const whole = new RegExp(`/password-reset/${token}(?![\\w-])`);
  expect(text).toMatch(whole);
  expect(html).toMatch(whole);
});
