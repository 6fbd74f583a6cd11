import type { Child } from 'hono/jsx';
import type { CurrentUser } from '../../server/context.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';
import { when } from '../format.js';
import { DeclarationForm } from '../partials/scoring-declaration.js';
import { ScoringGrid, type GridColumn, type GridVendor, type MyScore } from '../partials/scoring-grid.js';
import { ScoringPager } from '../partials/scoring-pager.js';
import { GridProgress } from '../partials/scoring-progress.js';
import { GridAnnouncer } from '../partials/scoring-announce.js';

export type { GridColumn, GridVendor, MyScore };

interface ScoringPageProps {
  user: CurrentUser; nav: EvaluationNav; scale: { min: number; max: number }; columns: GridColumn[]; vendors: GridVendor[];
  mine: Map<string, MyScore>; canScore: boolean; done: number; total: number; page: number; pages: number; hasCost: boolean;
  declaration: { conflict: boolean; description: string } | null; submittedAt: string | null; closedStatus: string | null; excluded: Set<number>;
  errors?: Record<string, string>; values?: Record<string, string>;
}

/** The caller's score grid; without the scoring role a note instead, and before the grid opens the declaration. */
export function ScoringPage(p: ScoringPageProps) {
  if (!p.canScore) {
    return <GateShell p={p}><div class="empty"><p>{m.scoring.noRole}</p></div></GateShell>;
  }
  if (!p.declaration && !p.closedStatus) {
    return <GateShell p={p}><DeclarationForm id={p.nav.id} errors={p.errors} values={p.values} /></GateShell>;
  }
  const locked = p.submittedAt !== null || p.closedStatus !== null;
  return (
    <Layout title={m.scoring.title} user={p.user} evaluation={p.nav} wide>
      <ScoringHead p={p} />
      {p.submittedAt ? <div class="alert alert-success" role="status">{m.scoring.submitted(when(p.submittedAt))}</div> : null}
      {p.closedStatus ? <div class="alert">{m.scoring.closed(p.closedStatus)}</div> : null}
      {p.columns.length === 0 || p.vendors.length === 0 ? (
        <div class="empty"><p>{m.scoring.noGrid}</p></div>
      ) : (
        <>
          <div class="grid-toolbar">
            <GridProgress done={p.done} total={p.total} />
            <GridAnnouncer />
            {p.hasCost ? <p class="muted small">{m.scoring.costNote}</p> : null}
          </div>
          {/* The rubric has a column of its own beside the grid (above it on narrow screens): it covers nothing. */}
          <div class="grid-area">
            <RubricPanel scale={p.scale} />
            <ScoringGrid evaluationId={p.nav.id} scale={p.scale} columns={p.columns} vendors={p.vendors} mine={p.mine} excluded={p.excluded} locked={locked} />
          </div>
          <ScoringPager base={`/evaluations/${p.nav.id}/scoring`} page={p.page} pages={p.pages} />
          {!locked ? <SubmitPanel p={p} /> : null}
        </>
      )}
    </Layout>
  );
}

/** The narrow page shown instead of the grid (no role, or the declaration still to make). */
function GateShell({ p, children }: { p: ScoringPageProps; children: Child }) {
  return (
    <Layout title={m.scoring.title} user={p.user} evaluation={p.nav}>
      <div class="page-head"><h1>{m.scoring.title}</h1></div>
      {children}
    </Layout>
  );
}

/** Title, the scale and keys, and what the caller declared. */
function ScoringHead({ p }: { p: ScoringPageProps }) {
  return (
    <div class="page-head">
      <h1>{m.scoring.title}</h1>
      <p class="muted">{m.scoring.intro(p.scale.min, p.scale.max)}</p>
      <p class="muted small">{m.scoring.keys} {m.scoring.abstainHint}</p>
      {p.declaration ? <p class="muted small">{p.declaration.conflict ? m.scoring.declaredSome(p.declaration.description) : m.scoring.declaredNone}</p> : null}
    </div>
  );
}

/** Where app.js shows the focused criterion's rubric; the scale lets it label the anchors. */
function RubricPanel({ scale }: { scale: ScoringPageProps['scale'] }) {
  return (
    <aside class="rubric-panel" id="rubric-panel" aria-live="polite" data-scale-min={String(scale.min)} data-scale-max={String(scale.max)}>
      <strong class="rubric-title">{m.scoring.rubricTitle}</strong>
      <p class="muted small rubric-body">{m.scoring.rubricEmpty}</p>
    </aside>
  );
}

/** Hands the scores in; once submitted the grid locks. */
function SubmitPanel({ p }: { p: ScoringPageProps }) {
  return (
    // A guarded step (issue 11): the button opens the confirmation page, which counts the empty cells
    // afresh (the grid saves cell by cell, so counts on this page go stale) and needs a tick.
    <form method="get" action={`/evaluations/${p.nav.id}/submission`} class="card stack submit-panel" id="submit">
      <h2>{m.scoring.submitTitle}</h2>
      <p class="muted">{m.scoring.submitIntro}</p>
      <button type="submit" class="button button-primary">{m.scoring.submitButton}</button>
    </form>
  );
}
