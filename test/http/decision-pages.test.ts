import { beforeAll, describe, expect, test } from 'vitest';
import { api, makeTestApp, type TestApp } from '../setup/app.js';
import { evaluationWithUnscoredVendor } from '../setup/decision.js';
import { esc, pageGet, pagePost, signedInUser } from '../setup/pages.js';
import { m } from '../../views/messages/index.js';

// The decide flow and the sign-off as pages: the decision page in review (choice, reason,
// provisional vendors with their acknowledgement, confirmation), the overview of a decided
// evaluation, the approver's verdict form, and the approver flag on the panel page.

type Person = Awaited<ReturnType<typeof signedInUser>> & { email: string };
let app: TestApp;
let owner: Person, obs: Person, eva: Person;
let id: string;
let acme: string;
const reason = 'Acme covers every journey we scored; Zeta lacks the CRM connector.';

const person = async (app: TestApp, email: string): Promise<Person> => ({ ...(await signedInUser(app, email)), email });

beforeAll(async () => {
  ({ app } = await makeTestApp());
  owner = await person(app, 'fay@example.test');
  obs = await person(app, 'otto@example.test');
  eva = await person(app, 'eve@example.test');
  ({ id, acme } = await evaluationWithUnscoredVendor(app, owner.token, eva, { review: true }));
});

describe('the panel sets approvers', () => {
  test('adding a member with the approver tick flags them; the button takes the flag off and puts it back', async () => {
    const add = await pagePost(app, owner.cookie, `/evaluations/${id}/members`, { email: obs.email, role: 'observer', approver: '1' });
    expect(add.status, await add.clone().text()).toBe(303);
    let html = await (await pageGet(app, owner.cookie, `/evaluations/${id}/members`)).text();
    expect(html).toContain(m.panel.approversTitle);
    const ottoId = /action="\/evaluations\/\d+\/members\/(\d+)\/approver"[^>]*>\s*<input type="hidden" name="approver" value="0"/.exec(html)?.[1];
    expect(ottoId).toBeDefined();
    expect((await pagePost(app, owner.cookie, `/evaluations/${id}/members/${ottoId}/approver`, { approver: '0' })).status).toBe(303);
    html = await (await pageGet(app, owner.cookie, `/evaluations/${id}/members`)).text();
    expect(html).not.toContain('name="approver" value="0"');
    expect((await pagePost(app, owner.cookie, `/evaluations/${id}/members/${ottoId}/approver`, { approver: '1' })).status).toBe(303);
  });
});

describe('deciding on the decision page', () => {
  test('the overview in review links to the decide flow; the page names the provisional vendor and asks for the acknowledgement', async () => {
    const overview = await (await pageGet(app, owner.cookie, `/evaluations/${id}`)).text();
    expect(overview).toContain(`href="/evaluations/${id}/decision"`);
    const html = await (await pageGet(app, owner.cookie, `/evaluations/${id}/decision`)).text();
    expect(html).toContain(esc(m.decision.provisionalTitle(1)));
    expect(html).toContain('Nemo Insights');
    expect(html).toContain('name="acknowledgeProvisional"');
    expect(html).toContain('name="confirm"');
    expect(html).toContain(esc(m.decision.willAsk(1)));
  });

  test('an empty form → 422 with a message per field; nothing decided', async () => {
    const res = await pagePost(app, owner.cookie, `/evaluations/${id}/decision`, {});
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const msg of [m.decision.chooseVendor, m.decision.reasonRequired, m.decision.confirmRequired]) expect(html).toContain(esc(msg));
  });

  test('without the acknowledgement → 409 naming the provisional vendor, with what was typed kept', async () => {
    const res = await pagePost(app, owner.cookie, `/evaluations/${id}/decision`, { [`vendor-${acme}`]: '1', reason, confirm: '1' });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('ranked provisionally');
    expect(html).toContain(esc(reason));
    expect(html).toMatch(new RegExp(`name="vendor-${acme}" value="1" checked`));
    expect((await api(app, owner.token, 'GET', `/api/v1/evaluations/${id}`)).json.status).toBe('review');
  });

  test('an evaluator cannot decide (403), even with an empty form', async () => {
    expect((await pagePost(app, eva.cookie, `/evaluations/${id}/decision`, {})).status).toBe(403);
  });

  test('with the acknowledgement and the confirmation: decided; the overview shows the decision, the acknowledgement and who is still to approve', async () => {
    const res = await pagePost(app, owner.cookie, `/evaluations/${id}/decision`, { [`vendor-${acme}`]: '1', reason, confirm: '1', acknowledgeProvisional: '1' });
    expect(res.status, await res.clone().text()).toBe(303);
    const html = await (await pageGet(app, owner.cookie, `/evaluations/${id}`)).text();
    expect(html).toContain(m.decision.title);
    expect(html).toContain(esc(reason));
    expect(html).toContain('Acme CX');
    expect(html).toContain(esc(m.decision.acknowledged(1)));
    expect(html).toContain(m.decision.pending);
    expect(html).not.toContain('name="verdict"');
  });
});

describe('signing off', () => {
  test('the approver finds the way from the overview and a verdict form; an objection needs a comment (422)', async () => {
    const overview = await (await pageGet(app, obs.cookie, `/evaluations/${id}`)).text();
    expect(overview).toContain(m.decision.signOffLink);
    const page = await (await pageGet(app, obs.cookie, `/evaluations/${id}/decision`)).text();
    expect(page).toContain('name="verdict"');
    const res = await pagePost(app, obs.cookie, `/evaluations/${id}/decision/approvals`, { verdict: 'object', comment: '' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('An objection needs a comment');
  });

  test('the objection is recorded and shown on the overview with its comment; a non-approver is refused (403)', async () => {
    const res = await pagePost(app, obs.cookie, `/evaluations/${id}/decision/approvals`, { verdict: 'object', comment: 'The exit clause is missing.' });
    expect(res.status).toBe(303);
    const html = await (await pageGet(app, owner.cookie, `/evaluations/${id}`)).text();
    expect(html).toContain(m.decision.objected);
    expect(html).toContain('The exit clause is missing.');
    expect(html).toContain(esc(m.decision.allGiven));
    expect((await pagePost(app, eva.cookie, `/evaluations/${id}/decision/approvals`, { verdict: 'approve' })).status).toBe(403);
  });
});
