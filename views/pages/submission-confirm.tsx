import type { CurrentUser } from '../../server/context.js';
import { FormErrors, Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';

export interface SubmissionConfirmProps { user: CurrentUser; nav: EvaluationNav; done: number; total: number; errors?: Record<string, string> | undefined }

/**
 * GET /evaluations/:id/submission — before handing in: what will happen, how many cells stay empty
 * (counted now), and a form that needs its box ticked (checked again on the server).
 */
export function SubmissionConfirmPage({ user, nav, done, total, errors }: SubmissionConfirmProps) {
  const base = `/evaluations/${nav.id}`;
  return (
    <Layout title={m.guards.submitTitle} user={user} evaluation={nav}>
      <div class="page-head"><h1>{m.guards.submitTitle}</h1></div>
      <section class="card confirm-step">
        <h2>{m.guards.happens}</h2>
        <p>{m.scoring.submitIntro}</p>
        <h2>{m.guards.incomplete}</h2>
        <p>{m.scoring.progress(done, total)}</p>
        <p class={done < total ? 'alert alert-warn' : 'muted'}>{done < total ? m.guards.submitEmpty(total - done) : m.guards.submitFull}</p>
        <FormErrors errors={errors} />
        <form method="post" action={`${base}/submission`} class="stack">
          <label class="choice"><input type="checkbox" name="confirm" value="yes" required /> {m.guards.submitCheck}</label>
          <div class="row">
            <button type="submit" class="button button-primary">{m.scoring.submitButton}</button>
            <a class="button" href={`${base}/scoring`}>{m.guards.cancel}</a>
          </div>
        </form>
      </section>
    </Layout>
  );
}
