import { submitScores } from '../services/panel.js';
import { apiRouter } from '../openapi/router.js';
import { ok } from '../openapi/shapes.js';
import { actionRoute } from '../openapi/specs.js';

const submit = actionRoute({ access: 'score', path: '/me', summary: 'Hand in the caller’s scores; they lock for them', success: ok('The submission.') });

/** POST /api/v1/evaluations/:id/submissions/me — the caller hands in their scores. */
export const submissionsApi = apiRouter('Submissions').openapi(submit, async (c) => c.json(await submitScores(c.get('db'), c.var.actor)));
