import { must } from './http-client.js';

export interface ScoringTeam {
  evaluationId: string;
  /** One token per evaluator; evaluator i is the user behind tokens[i]. */
  tokens: string[];
  userIds: string[];
  vendors: string[];
  criteria: string[];
}

let made = 0;

/**
 * Through the API of a running server: a facilitator signs up, creates a blank evaluation with
 * `criteria` leaves and `vendors` vendors, and adds `evaluators − 1` more people who sign up
 * themselves; everyone declares no conflict, so all of them may score.
 */
export async function setUpScoringTeam(port: number, size: { evaluators: number; vendors: number; criteria: number }): Promise<ScoringTeam> {
  made += 1;
  const tag = `${process.pid}-${made}-${Date.now()}`;
  const person = (i: number) => ({ email: `p${i}-${tag}@example.test`, password: 'correct horse battery', name: `Person ${i}`, teamName: `Team ${i} ${tag}` });
  const people = [];
  for (let i = 0; i < size.evaluators; i++) people.push(await must(201, port, null, 'POST', '/api/v1/auth/signup', person(i)));
  const owner = people[0]!.token as string;
  const evaluationId = (await must(201, port, owner, 'POST', '/api/v1/evaluations', { name: `Durability ${tag}`, template: 'blank' })).id as string;
  const base = `/api/v1/evaluations/${evaluationId}`;
  for (let i = 1; i < size.evaluators; i++) await must(201, port, owner, 'POST', `${base}/members`, { email: person(i).email, role: 'evaluator' });
  for (const p of people) await must(200, port, p.token, 'PUT', `${base}/declarations/me`, { conflict: false });
  const criteria = [];
  for (let i = 0; i < size.criteria; i++) criteria.push((await must(201, port, owner, 'POST', `${base}/criteria`, { name: `Criterion ${i}` })).id as string);
  const vendors = [];
  for (let i = 0; i < size.vendors; i++) vendors.push((await must(201, port, owner, 'POST', `${base}/vendors`, { name: `Vendor ${i}` })).id as string);
  return { evaluationId, tokens: people.map((p) => p.token as string), userIds: people.map((p) => String(p.userId)), vendors, criteria };
}
