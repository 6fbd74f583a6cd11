import type { VoteProblem } from '../domain/voting/checks.js';
import type { Problems } from '../domain/voting/methods.js';
import { m } from '../../views/messages/index.js';

/** What is wrong with a vote (domain/voting/checks.ts) as a sentence in the current language. */
export function voteProblemText(p: VoteProblem): string {
  const t = m.errors.vote;
  switch (p.code) {
    case 'notVotedOnId': return t.notVotedOnId(p.id);
    case 'listedTwice': return t.listedTwice(p.id);
    case 'missingCriteria': return t.missingCriteria(p.ids.map((id) => `"${id}"`).join(', '));
    case 'matrixRows': return t.matrixRows(p.n, p.rows);
    case 'rowEntries': return t.rowEntries(p.n, p.cells);
    case 'reciprocal': return t.reciprocal(p.value);
    case 'pointsSum': return t.pointsSum(p.sum);
    default: return t[p.code];
  }
}

/** A vote's problems by field path, phrased: API.md's `fields`. */
export const voteProblemsText = (problems: Problems): Record<string, string> =>
  Object.fromEntries(Object.entries(problems).map(([path, p]) => [path, voteProblemText(p)]));
