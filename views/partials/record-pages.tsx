import type { Child } from 'hono/jsx';
import type { CurrentUser } from '../../server/context.js';
import { Layout, type EvaluationNav } from '../layout.js';
import { m } from '../messages/index.js';

interface Link { href: string; label: string }

interface EditPageFrameProps {
  user: CurrentUser; nav: EvaluationNav; /** The record's name, for the title. */ name: string; back: Link; deleteLink: Link;
  /** From scoring on the record cannot be deleted: this replaces the delete link (why, and what to do instead). */
  frozen?: Child;
  children: Child;
}

/** A record's edit page (a criterion, a vendor): the title and a way back, the form in a card, and the way to its delete page. */
export function EditPageFrame({ user, nav, name, back, deleteLink, frozen, children }: EditPageFrameProps) {
  const title = m.editTitle(name);
  return (
    <Layout title={title} user={user} evaluation={nav}>
      <div class="page-head">
        <h1>{title}</h1>
        <p><a href={back.href}>{back.label}</a></p>
      </div>
      <section class="card">{children}</section>
      {frozen ?? <p><a href={deleteLink.href} class="button button-small button-danger">{deleteLink.label}</a></p>}
    </Layout>
  );
}

interface DeleteProps {
  user: CurrentUser;
  nav: EvaluationNav;
  title: string;
  /** Where the confirm button posts, and its label. */
  action: string;
  button: string;
  cancelHref: string;
  /** The scores that go too: a warning when there are any. */
  scores: { count: number; text: string };
  auditNote: string;
  /** What the record is and what else goes with it, between the title and the scores line. */
  children: Child;
}

/** A record's delete page: says exactly what will go before anything does, then the danger button and Cancel. */
export function DeletePageFrame({ user, nav, title, action, button, cancelHref, scores, auditNote, children }: DeleteProps) {
  return (
    <Layout title={title} user={user} evaluation={nav}>
      <section class="card narrow">
        <h1>{title}</h1>
        {children}
        <p class={scores.count > 0 ? 'alert alert-warning' : 'muted'}>{scores.text}</p>
        <p class="muted small">{auditNote}</p>
        <form method="post" action={action} class="row">
          <button type="submit" class="button button-danger">{button}</button>
          <a href={cancelHref} class="button">{m.cancel}</a>
        </form>
      </section>
    </Layout>
  );
}
