import type { CurrentUser } from '../../server/context.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';

/** The page a member who may see no scores gets instead of numbers (a stakeholder before review). */
export function ScoresHidden({ title, user, nav }: { title: string; user: CurrentUser; nav: EvaluationNav }) {
  return (
    <Layout title={title} user={user} evaluation={nav}>
      <div class="page-head"><h1>{title}</h1></div>
      <div class="empty"><p>{m.review.notYetStakeholder}</p></div>
    </Layout>
  );
}
