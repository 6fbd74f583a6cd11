import type { CurrentUser } from '../../server/context.js';
import type { Evaluation } from '../../db/schema.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';

export interface OverviewFacts { criteria: number; leaves: number; vendors: number; weightVersion: number | null; myCells: number; leader: string | null }

export function OverviewPage({ user, nav, evaluation, facts }: { user: CurrentUser; nav: EvaluationNav; evaluation: Evaluation; facts: OverviewFacts }) {
  const base = `/evaluations/${evaluation.id}`;
  const steps: [string, string, boolean][] = [
    [m.overview.stepCriteria(facts.criteria), `${base}/criteria`, facts.criteria > 0],
    [m.overview.stepVendors(facts.vendors), `${base}/vendors`, facts.vendors > 0],
    [m.overview.stepWeights(facts.weightVersion), `${base}/weights`, facts.weightVersion !== null],
    [m.overview.stepScoring(facts.myCells, facts.leaves * facts.vendors), `${base}/scoring`, facts.myCells > 0],
    [m.overview.stepRanking(facts.leader), `${base}/ranking`, facts.leader !== null],
  ];
  return (
    <Layout title={evaluation.name} user={user} evaluation={nav}>
      <div class="page-head">
        <h1>{evaluation.name}</h1>
        <p class="muted">{m.overview.scale(evaluation.scale_min, evaluation.scale_max)}</p>
      </div>
      <section class="card">
        <h2>{m.overview.steps}</h2>
        <ol class="steps">
          {steps.map(([text, href, done]) => (
            <li class={done ? 'step step-done' : 'step'}>
              <span>{text}</span>
              <a href={href} class="button button-small">{m.overview.open}</a>
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
