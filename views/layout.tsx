import { cloneElement, isValidElement, type Child } from 'hono/jsx';
import type { CurrentUser } from '../server/context.js';
import type { EvaluationStatus, MemberRole } from '../db/schema.js';
import { m } from './messages/index.js';
import { can } from '../server/domain/permissions.js';
import { DeadlineBanner } from './partials/deadlines.js';
import { LanguageSwitcher } from './partials/language-switcher.js';
import { currentLocale } from '../server/i18n/current.js';

export type Tab = keyof typeof m.tabs;

/** The evaluation a page belongs to, for the tab bar and the status badge. */
/** `deadline`: when the current stage (voting or scoring) closes, shown on each of its pages (issue 12). */
export interface EvaluationNav { id: number; name: string; status: EvaluationStatus; role: MemberRole; active: Tab; deadline?: string }

interface LayoutProps { title: string; user: CurrentUser | null; evaluation?: EvaluationNav; children?: Child; wide?: boolean }

const TABS: readonly Tab[] = ['overview', 'criteria', 'vendors', 'panel', 'voting', 'weights', 'scoring', 'review', 'feedback', 'ranking', 'audit'];
const tabHref = (id: number, tab: Tab) => (tab === 'overview' ? `/evaluations/${id}` : tab === 'panel' ? `/evaluations/${id}/members` : `/evaluations/${id}/${tab}`);

export function StatusBadge({ status }: { status: EvaluationStatus }) {
  return <span class={`badge badge-${status}`}>{m.status[status]}</span>;
}

/** Every page's frame: header, the evaluation's tabs when inside one, and the main column. */
export function Layout({ title, user, evaluation, children, wide }: LayoutProps) {
  return (
    <html lang={currentLocale()}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content='{"includeIndicatorCSS": false}' />
        <title>{`${title} · ${m.product}`}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
        <script src="/static/htmx.js" defer></script>
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">{m.a11y.skipToContent}</a>
        <header class="topbar">
          <a class="brand" href="/">
            <span class="brand-mark" aria-hidden="true">cx</span>
            <span>{m.product}</span>
          </a>
          {user ? (
            <nav class="topnav" aria-label={m.chrome.accountNav}>
              <a href="/">{m.nav.evaluations}</a>
              <a class="whoami" href="/account" title={user.email}>{user.name}</a>
              <form method="post" action="/logout" class="inline">
                <button type="submit" class="link-button">{m.nav.signOut}</button>
              </form>
            </nav>
          ) : (
            <nav class="topnav" aria-label={m.chrome.accountNav}>
              <a href="/login">{m.nav.signIn}</a>
              <a href="/signup" class="button button-small">{m.nav.signUp}</a>
            </nav>
          )}
          <LanguageSwitcher />
        </header>
        {evaluation ? (
          // A named section is a landmark: the evaluation's name and tabs are found like the rest of the page.
          <section class="evalbar" aria-label={m.a11y.evaluationBar(evaluation.name)}>
            <div class="evalbar-title">
              <a href={`/evaluations/${evaluation.id}`} class="evalbar-name">{evaluation.name}</a>
              <StatusBadge status={evaluation.status} />
              <span class="muted small">{m.roles[evaluation.role]}</span>
            </div>
            <nav class="tabs" aria-label={m.chrome.evaluationNav}>
              {TABS.filter((tab) => (tab !== 'audit' && tab !== 'panel') || can(evaluation.role, 'audit')).map((tab) => (
                <a href={tabHref(evaluation.id, tab)} aria-current={tab === evaluation.active ? 'page' : undefined}>{m.tabs[tab]}</a>
              ))}
            </nav>
          </section>
        ) : null}
        <main class={wide ? 'main main-wide' : 'main'} id="main">
          {evaluation?.status === 'decided' ? <div class="alert alert-locked" role="note">{m.locked}</div> : null}
          {evaluation?.deadline && (evaluation.status === 'voting' || evaluation.status === 'scoring') ? <DeadlineBanner stage={evaluation.status} at={evaluation.deadline} /> : null}
          {children}
        </main>
      </body>
    </html>
  );
}

/** A labelled form field with its error message, so every form reads and fails the same way. */
export function Field(props: { label: string; name: string; error?: string | undefined; hint?: string; children: Child }) {
  const id = `f-${props.name}`;
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {describedControl(props.children, id, props.error ? `${id}-error` : undefined)}
      {/* An error that says what the hint says would read twice; the error alone is enough then. */}
      {props.hint && props.hint !== props.error ? <p class="hint" id={`${id}-hint`}>{props.hint}</p> : null}
      {props.error ? <p class="error-text" id={`${id}-error`} role="alert">{props.error}</p> : null}
    </div>
  );
}

/**
 * The field's control (the child whose id the label names) with its error named and flagged:
 * `aria-describedby` gains the error's id, `aria-invalid` is set (issue 16), so a screen reader
 * reads the message with the field. Other children, and a field without an error, pass unchanged.
 */
function describedControl(children: Child, id: string, errorId: string | undefined): Child {
  if (!errorId) return children;
  const one = (child: Child): Child => {
    if (Array.isArray(child)) return child.map(one);
    if (!isValidElement(child) || (child.props as { id?: unknown }).id !== id) return child;
    const before = (child.props as { 'aria-describedby'?: string })['aria-describedby'];
    return cloneElement(child, { 'aria-describedby': before ? `${before} ${errorId}` : errorId, 'aria-invalid': 'true' });
  };
  return one(children);
}

export function FormErrors({ errors }: { errors: Record<string, string> | undefined }) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return <div class="alert alert-error" role="alert">{errors._ ?? m.formHasErrors}</div>;
}
