import type { CurrentUser } from '../../server/context.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';
import { KindBadge } from '../partials/criteria-tree.js';
import type { CriterionKindColumn } from '../../db/schema.js';

interface Props {
  user: CurrentUser;
  nav: EvaluationNav;
  criterion: { id: number; name: string; kind: CriterionKindColumn };
  /** What goes with it: deletionImpact() from the criteria service. */
  impact: { children: string[]; scores: number };
}

/** GET /evaluations/:id/criteria/:cid/delete — says exactly what will go before anything does. */
export function CriterionDeletePage({ user, nav, criterion, impact }: Props) {
  const base = `/evaluations/${nav.id}/criteria`;
  return (
    <Layout title={m.criteria.deleteTitle(criterion.name)} user={user} evaluation={nav}>
      <section class="card narrow">
        <h1>{m.criteria.deleteTitle(criterion.name)}</h1>
        <p><KindBadge kind={criterion.kind} /></p>
        <p>{m.criteria.deleteIntro}</p>
        {impact.children.length > 0 ? (
          <>
            <p>{m.criteria.deleteChildren(impact.children.length)}</p>
            <ul class="impact-list">{impact.children.map((name) => <li>{name}</li>)}</ul>
          </>
        ) : (
          <p>{m.criteria.deleteNoChildren}</p>
        )}
        <p class={impact.scores > 0 ? 'alert alert-warning' : 'muted'}>{m.criteria.deleteScores(impact.scores)}</p>
        <p class="muted small">{m.criteria.deleteAudit}</p>
        <form method="post" action={`${base}/${criterion.id}/delete`} class="row">
          <button type="submit" class="button button-danger">{m.criteria.deleteButton}</button>
          <a href={base} class="button">{m.cancel}</a>
        </form>
      </section>
    </Layout>
  );
}
