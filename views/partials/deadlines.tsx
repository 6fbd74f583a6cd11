import type { Evaluation } from '../../db/schema.js';
import type { FieldErrors } from '../../server/errors.js';
import { Field, FormErrors } from '../layout.js';
import { mailTime } from '../mail/messages.js';
import { m } from '../messages/index.js';

/** Read through `m` so the text is in the request's language (ADR 034). */
const t = m.invitations;

/** "2026-12-07T14:00:00.000Z" → "2026-12-07T14:00", what a datetime-local input shows (read as UTC). */
const localValue = (iso: string | null) => (iso ? iso.slice(0, 16) : '');

/** The stage's deadline on every page of that stage, so nobody has to look it up. */
export function DeadlineBanner({ stage, at }: { stage: 'voting' | 'scoring'; at: string }) {
  return <p class="alert alert-info deadline-banner" role="note">{t.deadlineBanner(stage, mailTime(at))}</p>;
}

/** The overview's deadlines: read by everyone, set by the facilitator (until decided). */
export function DeadlinesCard({ evaluation, canManage, errors, values }: { evaluation: Evaluation; canManage: boolean; errors?: FieldErrors | undefined; values?: Record<string, string> | undefined }) {
  if (!canManage && !evaluation.voting_deadline && !evaluation.scoring_deadline) return null;
  const action = `/evaluations/${evaluation.id}/deadlines`;
  return (
    <section class="card" id="deadlines">
      <h2>{t.deadlinesTitle}</h2>
      <p class="muted">{t.deadlinesIntro}</p>
      {canManage ? (
        <form method="post" action={action} class="stack" novalidate>
          <FormErrors errors={errors} />
          <div class="row">
            <Field label={t.votingDeadline} name="voting" error={errors?.voting}>
              <input id="f-voting" name="voting" type="datetime-local" value={values?.voting ?? localValue(evaluation.voting_deadline)} />
            </Field>
            <Field label={t.scoringDeadline} name="scoring" error={errors?.scoring}>
              <input id="f-scoring" name="scoring" type="datetime-local" value={values?.scoring ?? localValue(evaluation.scoring_deadline)} />
            </Field>
          </div>
          <button type="submit" class="button">{t.saveDeadlines}</button>
        </form>
      ) : (
        <ul class="plain-list">
          {evaluation.voting_deadline ? <li>{t.votingDeadline}: {mailTime(evaluation.voting_deadline)}</li> : null}
          {evaluation.scoring_deadline ? <li>{t.scoringDeadline}: {mailTime(evaluation.scoring_deadline)}</li> : null}
        </ul>
      )}
    </section>
  );
}
