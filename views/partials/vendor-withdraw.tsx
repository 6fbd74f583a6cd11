import type { Vendor } from '../../db/schema.js';
import { m } from '../messages/index.js';

/**
 * Once scoring has opened a vendor is withdrawn, not deleted: why deleting is gone, and the form
 * that withdraws it with a reason (or, once withdrawn, the reason it was).
 */
export function WithdrawCard({ action, vendor, error }: { action: string; vendor: Vendor; error?: string | undefined }) {
  return (
    <section class="card stack" id="withdraw">
      <p class="muted small">{m.guards.frozenVendors}</p>
      {vendor.withdrawn_at !== null ? (
        <p><span class="badge badge-warn">{m.guards.withdrawnBadge}</span> {vendor.withdrawn_reason}</p>
      ) : (
        <form method="post" action={action} class="stack">
          <div class={error ? 'field field-error' : 'field'}>
            <label for="f-withdraw-reason">{m.guards.withdrawReason}</label>
            <textarea id="f-withdraw-reason" name="reason" rows={2} maxlength={500} required aria-invalid={error ? 'true' : undefined}></textarea>
            {error ? <p class="error-text" role="alert">{error}</p> : null}
          </div>
          <div><button type="submit" class="button button-danger">{m.guards.withdraw}</button></div>
        </form>
      )}
    </section>
  );
}
