import type { Actor } from '../actor.js';
import { heavy } from '../heavy/jobs.js';
import { currentLocale } from '../i18n/current.js';
import type { RankingAnswerExtras } from '../exports/ranking-answer.js';
import type { RankingInputs } from './ranking.js';

/**
 * GET /ranking's weighted-sum answer as bytes, written off the event loop (exports/ranking-answer.ts)
 * from inputs loaded as `a` may see them (the visibility rule applied by loadRankingInputs), within
 * the team's cap on heavy jobs (429 past it), and cached by the data version as rankings are. The
 * bytes hold the exclusion reasons in the reader's language and the answer's other members, so
 * both are part of the key: one job per language, where a ranking's rows serve every language.
 */
export function rankingAnswerOffLoop(a: Actor, inputs: RankingInputs, limit: number | undefined, extras: RankingAnswerExtras): Promise<Uint8Array<ArrayBuffer>> {
  return heavy(a, { kind: 'rankingAnswer', inputs, limit, extras }, [limit ?? null, currentLocale(), extras]);
}
