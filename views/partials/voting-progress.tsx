import { m } from '../messages/index.js';

export interface VoterRow { user_id: number; name: string; email: string; role: string; group_name: string | null; method: string | null; voted_at: string | null; consistency_ratio: number | null; invite: { id: number } | null; deadLink?: 'revoked' | 'expired' | null }

/**
 * Who has voted, grouped; the page polls this partial so the facilitator sees votes arrive.
 * `canManage` adds the revoke buttons for live personal links.
 */
export function VotingProgress({ evaluationId, voters, canManage, polling }: { evaluationId: number; voters: VoterRow[]; canManage: boolean; polling: boolean }) {
  const groups = new Map<string, VoterRow[]>();
  for (const v of voters) {
    const key = v.group_name ?? m.voting.ungrouped;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const done = voters.filter((v) => v.voted_at).length;
  return (
    <section class="card" id="voting-progress" {...(polling ? { 'hx-get': `/evaluations/${evaluationId}/voting/progress`, 'hx-trigger': 'every 5s', 'hx-swap': 'outerHTML' } : {})}>
      <h2>{m.voting.progress} <span class="muted small">{`${done} / ${voters.length}`}</span></h2>
      {voters.length === 0 ? <p class="muted">{m.voting.progressNone}</p> : null}
      {[...groups].map(([name, rows]) => (
        <div class="progress-group">
          <h3>{name} <span class="muted small">{`${rows.filter((r) => r.voted_at).length} / ${rows.length}`}</span></h3>
          <ul class="voter-list">
            {rows.map((r) => (
              <li>
                <span class={r.voted_at ? 'dot dot-done' : 'dot'} aria-hidden="true" />
                <span class="voter-name" title={r.email}>{r.name}</span>
                <span class={r.voted_at ? 'badge badge-ok' : 'badge'}>{r.voted_at ? `${m.voting.voted} · ${r.method ?? ''}` : r.deadLink ? m.voting.deadLink[r.deadLink] : m.voting.notVoted}</span>
                {r.invite ? <span class="muted small">{m.voting.linkActive}</span> : null}
                {canManage && r.invite ? (
                  <form method="post" action={`/evaluations/${evaluationId}/voting/invites/${r.invite.id}/revoke`} class="inline">
                    <button type="submit" class="link-button small">{m.voting.revoke}</button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
