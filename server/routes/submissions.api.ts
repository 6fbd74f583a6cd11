import { submitScores } from '../services/panel.js';
import { apiRoute, apiRouter } from '../openapi/router.js';
import { EvaluationParams, errors, ok } from '../openapi/shapes.js';

const submit = apiRoute({
  access: 'score', method: 'post', path: '/me', summary: 'Hand in the caller’s scores; they lock for them',
  request: { params: EvaluationParams },
  responses: { 200: ok('The submission.'), ...errors(401, 403, 404, 409) },
});

/** POST /api/v1/evaluations/:id/submissions/me — the caller hands in their scores. */
export const submissionsApi = apiRouter('Submissions').openapi(submit, async (c) => {
  const a = c.var.actor;
  return c.json(await submitScores(c.get('db'), a));
});
