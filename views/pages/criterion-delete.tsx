import type { CurrentUser } from '../../server/context.js';
import type { EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';
import { KindBadge } from '../partials/criteria-tree.js';
import { DeletePageFrame } from '../partials/record-pages.js';
import type { CriterionKindColumn } from '../../db/schema.js';

interface CriterionDeletePageProps {
  user: CurrentUser;
  nav: EvaluationNav;
  criterion: { id: number; name: string; kind: CriterionKindColumn };
  /** What goes with it: deletionImpact() from the criteria service. */
  impact: { children: string[]; scores: number };
}

/** GET /evaluations/:id/criteria/:cid/delete — says exactly what will go before anything does. */
export function CriterionDeletePage({ user, nav, criterion, impact }: CriterionDeletePageProps) {
  const base = `/evaluations/${nav.id}/criteria`;
  return (
    <DeletePageFrame
      user={user} nav={nav} title={m.criteria.deleteTitle(criterion.name)}
      action={`${base}/${criterion.id}/delete`} button={m.criteria.deleteButton} cancelHref={base}
      scores={{ count: impact.scores, text: m.criteria.deleteScores(impact.scores) }} auditNote={m.criteria.deleteAudit}
    >
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
    </DeletePageFrame>
  );
}
