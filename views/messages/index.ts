import { common } from './common.js';
import { auth } from './auth.js';
import { home } from './home.js';
import { criteria } from './criteria.js';
import { vendors } from './vendors.js';
import { weights } from './weights.js';
import { scoring } from './scoring.js';
import { ranking } from './ranking.js';
import { overview } from './overview.js';
import { voting } from './voting.js';
import { audit } from './audit.js';
import { review } from './review.js';
import { feedback } from './feedback.js';
import { panel } from './panel.js';
import { robustness } from './robustness.js';
import { decision } from './decision.js';
import { guards } from './guards.js';
import { working } from './working.js';
import { report } from './report.js';
import { calibration } from './calibration.js';
import { whatIf } from './what-if.js';
import { exportsText } from './exports.js';
import { passwordReset } from './password-reset.js';
import { language } from './language.js';
import { invitations } from './invitations.js';
import { validation } from './validation.js';
import { mail } from './mail.js';
import { template } from './template.js';
import { errors } from './errors.js';
import { chrome } from './chrome.js';
import { a11y } from './a11y.js';
import { auditSentences } from './audit-sentences.js';
import { localise } from './icu.js';

/**
 * Every user-facing string, by area, in English: the source the catalogues in locales/<lang>/
 * translate. Views read `m`, which answers in the request's language (ADR 034).
 */
export const messageSource = { ...common, auth, home, criteria, vendors, weights, scoring, ranking, overview, voting, audit, review, feedback, panel, robustness, decision, guards, working, report, calibration, whatIf, language, invitations, validation, exports: exportsText, passwordReset, mail, template, errors, chrome, a11y, auditSentences } as const;

export const m = localise(messageSource);
