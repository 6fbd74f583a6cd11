import type { Context } from 'hono';
import type { AppEnv } from '../../server/context.js';
import { Layout } from '../layout.js';
import { m } from '../messages/index.js';

function ErrorPage({ status, message, user }: { status: number; message: string; user: AppEnv['Variables']['user'] }) {
  return (
    <Layout title={status === 404 ? m.error.notFound : m.error.title} user={user}>
      <section class="card narrow">
        <p class="eyebrow">{`Error ${status}`}</p>
        <h1>{status === 404 ? m.error.notFound : m.error.title}</h1>
        <p>{message}</p>
        <p><a href="/" class="button">{m.error.back}</a></p>
      </section>
    </Layout>
  );
}

/** The HTML answer for an error; htmx requests get just the message so it can swap into place. */
export function renderErrorPage(c: Context<AppEnv>, status: number, message: string) {
  if (c.req.header('hx-request')) return `<div class="alert alert-error" role="alert">${escapeHtml(message)}</div>`;
  let user: AppEnv['Variables']['user'] = null;
  try { user = c.get('user') ?? null; } catch { user = null; }
  return '<!doctype html>' + String(<ErrorPage status={status} message={message} user={user} />);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
