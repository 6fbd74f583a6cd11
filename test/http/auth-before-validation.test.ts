import { beforeAll, describe, expect, test } from 'vitest';
import { ROLES, can, type Action, type Role } from '../../server/domain/permissions.js';
import { api, createEvaluation, expectApiError, makeTestApp, signupUser, type TestApp } from '../setup/app.js';

// Authorisation runs before validation (another team's object answers 404): every API operation
// inside an evaluation, read from the OpenAPI document rather than listed here, is sent a request
// its validators would refuse, by a stranger (404) and by each role `can()` refuses (403). Neither
// may learn from a 400 what the endpoint accepts. The facilitator, who may call everything, gets
// the 400, which shows the request really is invalid.

type Json = Record<string, any>;
type User = Awaited<ReturnType<typeof signupUser>>;

/** One documented operation, the action its gate checks (`x-permission`) and what it validates. */
interface Operation { method: string; path: string; action: Action; roles: Role[]; validates: boolean; queryNames: string[] }

let app: TestApp;
let evaluation: string;
let stranger: User;
const members = {} as Record<Role, User>;
let operations: Operation[] = [];

/** Every operation the document says sits behind an evaluation's gate. */
function gatedOperations(doc: Json): Operation[] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json)
      .filter(([, op]) => typeof (op as Json)['x-permission'] === 'string')
      .map(([method, op]: [string, Json]) => {
        const queryNames = (op.parameters ?? []).filter((p: Json) => p.in === 'query').map((p: Json) => p.name as string);
        return { method: method.toUpperCase(), path, action: op['x-permission'], roles: op['x-roles'], validates: Boolean(op.requestBody) || queryNames.length > 0, queryNames };
      }),
  );
}

beforeAll(async () => {
  ({ app } = await makeTestApp());
  const res = await app.request('/api/v1/openapi.json');
  operations = gatedOperations((await res.json()) as Json);
  const [facilitator, evaluator, stakeholder, observer, outsider] = await Promise.all([0, 1, 2, 3, 4].map(() => signupUser(app)));
  Object.assign(members, { facilitator, evaluator, stakeholder, observer });
  stranger = outsider!;
  evaluation = await createEvaluation(app, facilitator!.token, { name: 'Gate before validators', template: 'blank' });
  for (const role of ['evaluator', 'stakeholder', 'observer'] as const) {
    const added = await api(app, facilitator!.token, 'POST', `/api/v1/evaluations/${evaluation}/members`, { email: members[role].email, role });
    expect(added.status, added.text).toBe(201);
  }
  // Signing off also needs the member's approver flag (issue 11): the facilitator, who must be able
  // to call everything below, gets it; the other members stay without it.
  const flagged = await api(app, facilitator!.token, 'PATCH', `/api/v1/evaluations/${evaluation}/members/${facilitator!.userId}`, { approver: true });
  expect(flagged.status, flagged.text).toBe(200);
});

/** The operation's URL with real evaluation id, a well-formed other id, and every query value invalid. */
function urlOf(op: Operation): string {
  const path = op.path.replace('{id}', evaluation).replace(/\{[^}]+\}/g, '1');
  const junk = 'not-valid-'.repeat(40);
  return op.queryNames.length === 0 ? path : `${path}?${op.queryNames.map((n) => `${n}=${junk}`).join('&')}`;
}

/** Sends the operation a JSON body no schema accepts (an array where an object is expected); a GET has none. */
const callInvalid = (op: Operation, user: User) => api(app, user.token, op.method, urlOf(op), op.method === 'GET' ? undefined : '[]');

describe('authorisation before validation, for every gated operation in the OpenAPI document', () => {
  test('the document marks the operations inside an evaluation, with the roles can() allows', () => {
    expect(operations.length).toBeGreaterThan(25);
    for (const op of operations) expect(op.roles, `${op.method} ${op.path}`).toEqual(ROLES.filter((r) => can(r, op.action)));
  });

  test('every operation inside an evaluation is gated: a route without `access` would drop out of this walk', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as Json;
    const inside = Object.entries(doc.paths as Json).filter(([path]) => path.startsWith('/api/v1/evaluations/{id}'))
      .flatMap(([path, item]) => Object.entries(item as Json).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, gated: typeof (op as Json)['x-permission'] === 'string' })));
    expect(inside.length).toBeGreaterThan(25);
    expect(inside.filter((o) => !o.gated).map((o) => o.at)).toEqual([]);
  });

  test('a stranger from another team gets 404, never 400', async () => {
    for (const op of operations) expectApiError(await callInvalid(op, stranger), 404, 'not_found');
  });

  test('each member whose role may not perform the action gets 403, never 400', async () => {
    const refused = operations.flatMap((op) => ROLES.filter((role) => !can(role, op.action)).map((role) => ({ op, role })));
    expect(refused.length).toBeGreaterThan(0);
    for (const { op, role } of refused) {
      const res = await callInvalid(op, members[role]);
      expect(res.status, `${op.method} ${op.path} as ${role}: ${res.text}`).toBe(403);
      expectApiError(res, 403, 'forbidden');
    }
  });

  test('a member not flagged as an approver gets 403 on the sign-off operations, never 400', async () => {
    const signOff = operations.filter((op) => op.action === 'approve');
    expect(signOff.length).toBeGreaterThan(0);
    for (const op of signOff) for (const role of ['evaluator', 'stakeholder', 'observer'] as const) expectApiError(await callInvalid(op, members[role]), 403, 'forbidden');
  });

  test('the same requests are really invalid: the facilitator, who may call everything, gets 400', async () => {
    const checked = operations.filter((op) => op.validates);
    expect(checked.length).toBeGreaterThan(15);
    for (const op of checked) {
      const res = await callInvalid(op, members.facilitator);
      expect(res.status, `${op.method} ${op.path}: ${res.text}`).toBe(400);
    }
  });
});
