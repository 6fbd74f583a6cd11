import type { CurrentUser } from '../../server/context.js';
import type { FieldRow } from '../../server/openapi/schema-rows.js';
import type { OperationView, ReferenceView } from '../../server/openapi/reference.js';
import { Layout } from '../layout.js';

/** Text with `backtick` spans as code, the way the document's descriptions are written. */
function Prose({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>;
}

/** Code that may break before each `at` (a path's slashes, a field's dots), so it never pushes a phone's page sideways. */
function BreakableCode({ text, at }: { text: string; at: string }) {
  return <code>{text.split(at).map((part, i) => (i === 0 ? part : <><wbr />{at}{part}</>))}</code>;
}

function FieldTable({ rows, caption }: { rows: FieldRow[]; caption: string }) {
  return (
    <div class="table-wrap">
      <table class="table compact">
        <caption class="visually-hidden">{caption}</caption>
        <thead><tr><th scope="col">Field</th><th scope="col">Type and rules</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row"><BreakableCode text={r.name} at="." />{r.required ? <span class="badge badge-warn">required</span> : null}</th>
              <td>
                <code>{r.type}</code>
                {r.rules.length > 0 ? <span class="muted small"> · {r.rules.join(' · ')}</span> : null}
                {r.description ? <div class="hint"><Prose text={r.description} /></div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Operation({ op }: { op: OperationView }) {
  const params = op.params.map((p) => ({ ...p, name: p.in === 'path' ? `{${p.name}}` : `?${p.name}` }));
  return (
    <section class="card" id={op.anchor} aria-labelledby={`${op.anchor}-title`}>
      <h3 id={`${op.anchor}-title`}>
        <span class="badge badge-review">{op.method}</span> <BreakableCode text={op.path} at="/" />
      </h3>
      <p>{op.summary}</p>
      <p class="meta">{op.signedIn ? 'Bearer token or signed-in session' : 'Public: no sign-in needed'}</p>
      {params.length > 0 ? <><h4>Parameters</h4><FieldTable rows={params} caption={`Parameters of ${op.method} ${op.path}`} /></> : null}
      {op.body ? (
        <>
          <h4>Request body <span class="muted small"><code>{op.body.contentType}</code></span></h4>
          {op.body.description ? <p class="hint"><Prose text={op.body.description} /></p> : null}
          {op.body.variants.map((rows, i) => (
            <>
              {op.body!.variants.length > 1 ? <p class="small">{i === 0 ? 'One of:' : 'or:'}</p> : null}
              <FieldTable rows={rows} caption={`Body of ${op.method} ${op.path}`} />
            </>
          ))}
        </>
      ) : null}
      <h4>Responses</h4>
      <ul class="plain-list">
        {op.responses.map((r) => (
          <li>
            <strong>{r.status}</strong> <Prose text={r.description} />
            {r.schema ? <span class="muted small"> → <a href="#errors">{r.schema}</a></span> : null}
            {r.fields.length > 0 ? <span class="muted small"> → <code>{`{${r.fields.join(', ')}}`}</code></span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** GET /api/v1/docs: the API reference, rendered on the server from the OpenAPI document. */
export function ApiReferencePage({ view, user }: { view: ReferenceView; user: CurrentUser | null }) {
  return (
    <Layout title="API reference" user={user}>
      <div class="page-head">
        <div class="eyebrow">API reference</div>
        <h1>{view.title}</h1>
        {view.intro.map((p) => <p><Prose text={p} /></p>)}
        <p>Machine-readable: <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1), generated from the same schemas that check every request.</p>
      </div>
      <nav class="card" aria-label="Resources">
        <h2>Resources</h2>
        <ul class="plain-list">
          <li><a href="#errors">Errors</a></li>
          {view.groups.map((g) => <li><a href={`#${g.anchor}`}>{g.tag}</a> <span class="muted small">({g.operations.length})</span></li>)}
        </ul>
      </nav>
      <section id="errors" class="card">
        <h2>Errors</h2>
        <p>Every error has the same shape, the <code>Error</code> schema; each operation lists the statuses it can answer.</p>
        <FieldTable rows={view.errorFields} caption="The error shape" />
      </section>
      {view.groups.map((g) => (
        <section id={g.anchor} aria-labelledby={`${g.anchor}-title`}>
          <h2 id={`${g.anchor}-title`}>{g.tag}</h2>
          {g.operations.map((op) => <Operation op={op} />)}
        </section>
      ))}
    </Layout>
  );
}
