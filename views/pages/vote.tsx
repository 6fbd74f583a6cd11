import type { CurrentUser } from '../../server/context.js';
import { FormErrors, Layout, type EvaluationNav } from '../layout.js';
import { percent } from '../format.js';
import { m } from '../messages/index.js';

export type Method = 'points' | 'rating' | 'rank' | 'ahp';
export interface VoteCriterion { id: string; name: string; description: string }

export interface VotePageProps {
  user: CurrentUser; nav: EvaluationNav; criteria: VoteCriterion[]; methods: Method[]; method: Method; open: boolean;
  values: Record<string, string>; order: string[]; errors?: Record<string, string>; saved?: boolean;
  mine: { weights: Record<string, number>; consistencyRatio: number | null; worst: { row: string; col: string; a: number; implied: number } | null } | null;
  team: { weights: Record<string, number>; counted: number };
}

/** Saaty's 1–9 scale as the pairwise selects offer it, from "row far more important" to "column far more important". */
export const SAATY = ['9', '8', '7', '6', '5', '4', '3', '2', '1', '1/2', '1/3', '1/4', '1/5', '1/6', '1/7', '1/8', '1/9'] as const;

/** When the vote was refused, each input names the message (ERRORS_ID) and says it is invalid. */
const ERRORS_ID = 'vote-errors';
const invalidIf = (bad: boolean) => (bad ? { 'aria-invalid': 'true', 'aria-describedby': ERRORS_ID } : {});

function PointsForm({ criteria, values, bad }: { criteria: VoteCriterion[]; values: Record<string, string>; bad: boolean }) {
  return (
    <div class="stack" data-points-form>
      {criteria.map((c) => (
        <div class="weight-row">
          <label for={`p-${c.id}`} class="weight-label">{c.name}</label>
          <input type="range" min="0" max="100" step="1" value={values[`p.${c.id}`] ?? '0'} data-sync={`p-${c.id}`} aria-label={m.weights.percentOf(c.name)} tabindex={-1} />
          <span class="weight-number"><input id={`p-${c.id}`} name={`p.${c.id}`} inputmode="decimal" autocomplete="off" class="input-short" value={values[`p.${c.id}`] ?? ''} data-group="points" {...invalidIf(bad)} /></span>
        </div>
      ))}
      {/* Said as it changes (politely, the whole sentence), so the count is heard without looking. */}
      <p class="weight-sum" aria-live="polite" aria-atomic="true">{m.voting.remaining}: <output data-points-left="points">{String(100 - criteria.reduce((s, c) => s + (Number(values[`p.${c.id}`]) || 0), 0))}</output></p>
      <output data-sum-of="points" hidden>0</output>
    </div>
  );
}

function RatingForm({ criteria, values }: { criteria: VoteCriterion[]; values: Record<string, string> }) {
  return (
    <div class="stack">
      {criteria.map((c) => (
        <fieldset class="rating-row">
          <legend>{c.name}</legend>
          <div class="rating-options">
            {m.voting.ratingLabels.map((label, i) => (
              <label class="rating-option"><input type="radio" name={`r.${c.id}`} value={String(i + 1)} checked={values[`r.${c.id}`] === String(i + 1)} /> {label}</label>
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

function RankForm({ criteria, order }: { criteria: VoteCriterion[]; order: string[] }) {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  return (
    <>
    {/* app.js says each ↑/↓ move here ("Privacy: now 1 of 5"); focus stays on the moved item's button. */}
    <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-rank-status data-template={m.a11y.rankMoved}></p>
    <ol class="rank-list" data-rank-list>
      {order.map((id, i) => (
        <li class="rank-item" data-id={id}>
          <span class="rank-pos">{String(i + 1)}</span>
          <span class="rank-name">{byId.get(id)?.name ?? id}</span>
          <input type="hidden" name={`k.${id}`} value={String(i + 1)} />
          <span class="rank-buttons">
            <button type="submit" name="move" value={`${id}:up`} class="button button-small" aria-label={`${m.voting.up}: ${byId.get(id)?.name ?? ''}`} disabled={i === 0}>↑</button>
            <button type="submit" name="move" value={`${id}:down`} class="button button-small" aria-label={`${m.voting.down}: ${byId.get(id)?.name ?? ''}`} disabled={i === order.length - 1}>↓</button>
          </span>
        </li>
      ))}
    </ol>
    </>
  );
}

function saatyLabel(v: string, a: string, b: string): string {
  if (v === '1') return m.voting.equal;
  return v.startsWith('1/') ? m.voting.moreImportant(b, v.slice(2)) : m.voting.moreImportant(a, v);
}

function AhpForm({ criteria, values, bad }: { criteria: VoteCriterion[]; values: Record<string, string>; bad: boolean }) {
  const pairs: [VoteCriterion, VoteCriterion][] = [];
  criteria.forEach((a, i) => criteria.slice(i + 1).forEach((b) => pairs.push([a, b])));
  return (
    <div class="stack">
      {pairs.map(([a, b]) => {
        const name = `a.${a.id}.${b.id}`;
        return (
          <div class="ahp-row">
            <label for={`f-${name}`} class="ahp-label">{a.name} <span class="muted">vs</span> {b.name}</label>
            <select id={`f-${name}`} name={name} {...invalidIf(bad)}>
              {SAATY.map((v) => <option value={v} selected={(values[name] ?? '1') === v}>{saatyLabel(v, a.name, b.name)}</option>)}
            </select>
          </div>
        );
      })}
    </div>
  );
}

function Comparison({ criteria, mine, team }: { criteria: VoteCriterion[]; mine: Record<string, number>; team: VotePageProps['team'] }) {
  return (
    <table class="table compact compare-table">
      <thead><tr><th scope="col">{m.voting.criterion}</th><th scope="col" class="num">{m.voting.yourWeights}</th><th scope="col" class="num">{m.voting.teamWeights}</th></tr></thead>
      <tbody>
        {criteria.map((c) => (
          <tr>
            <th scope="row">{c.name}</th>
            <td class="num">{percent(mine[c.id] ?? 0)}</td>
            <td class="num">{team.counted > 0 ? percent(team.weights[c.id] ?? 0) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function VotePage(p: VotePageProps) {
  const base = `/evaluations/${p.nav.id}/vote`;
  const names = new Map(p.criteria.map((c) => [c.id, c.name]));
  const cr = p.mine?.consistencyRatio;
  const refused = Object.keys(p.errors ?? {}).length > 0;
  return (
    <Layout title={m.voting.voteTitle} user={p.user} evaluation={{ ...p.nav, active: 'voting' }}>
      <div class="page-head">
        <h1>{m.voting.voteTitle}</h1>
        <p class="muted">{m.voting.voteIntro}</p>
      </div>
      {p.saved ? <div class="alert alert-success" role="status">{m.voting.saved}</div> : null}
      {cr !== null && cr !== undefined && cr > 0.1 ? (
        <div class="alert alert-warn" role="alert">
          <p>{m.voting.crHigh(cr)}</p>
          {p.mine?.worst ? <p>{m.voting.worst(names.get(p.mine.worst.row) ?? '', names.get(p.mine.worst.col) ?? '', formatRatio(p.mine.worst.a), formatRatio(p.mine.worst.implied))}</p> : null}
        </div>
      ) : null}
      {!p.open ? <div class="alert">{p.mine ? m.voting.notOpenWithVote : m.voting.notOpen(p.nav.status)}</div> : null}
      {p.open ? (
        <>
          <nav class="segmented" aria-label={m.chrome.votingMethod}>
            {p.methods.map((method) => <a href={`${base}?method=${method}`} aria-current={method === p.method ? 'page' : undefined}>{m.voting.methodNames[method]}</a>)}
          </nav>
          <FormErrors errors={p.errors} />
          <form method="post" action={base} class="card stack" novalidate>
            <input type="hidden" name="method" value={p.method} />
            <p class="muted">{m.voting.methodHelp[p.method]}</p>
            {p.method === 'points' ? <PointsForm criteria={p.criteria} values={p.values} bad={refused} /> : null}
            {p.method === 'rating' ? <RatingForm criteria={p.criteria} values={p.values} /> : null}
            {p.method === 'rank' ? <RankForm criteria={p.criteria} order={p.order} /> : null}
            {p.method === 'ahp' ? <AhpForm criteria={p.criteria} values={p.values} bad={refused} /> : null}
            <div id={ERRORS_ID}>{p.errors?._ ? <p class="visually-hidden">{p.errors._}</p> : Object.entries(p.errors ?? {}).slice(0, 3).map(([, msg]) => <p class="error-text">{msg}</p>)}</div>
            <button type="submit" class="button button-primary">{m.voting.submit}</button>
          </form>
        </>
      ) : null}
      {p.mine ? (
        <section class="card">
          <h2>{m.voting.yourWeights}</h2>
          {cr !== null && cr !== undefined ? <p class="muted small">{m.voting.cr(cr)}</p> : null}
          <Comparison criteria={p.criteria} mine={p.mine.weights} team={p.team} />
          <p class="muted small">{p.team.counted > 0 ? m.voting.votes(p.team.counted) : m.voting.noVotesYet}</p>
        </section>
      ) : null}
    </Layout>
  );
}

/** 3 → "3", 0.333 → "1/3": judgements read the way they were given. */
export function formatRatio(x: number): string {
  if (x >= 1) return String(Math.round(x * 10) / 10);
  return `1/${Math.round((1 / x) * 10) / 10}`;
}
