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
import { passwordReset } from './password-reset.js';
import { a11y } from './a11y.js';

/** Every user-facing string of the pages, by area; one place to translate. */
export const m = { ...common, auth, home, criteria, vendors, weights, scoring, ranking, overview, voting, audit, review, feedback, panel, robustness, decision, guards, working, report, calibration, whatIf, passwordReset, a11y } as const;
