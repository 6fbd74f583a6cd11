import type { Db } from '../db/client.js';
import type { MemberRole } from '../db/schema.js';
import { addToTeam, insertUser } from '../db/queries/users.js';
import { insertMember } from '../db/queries/members.js';
import { signup } from '../server/services/accounts.js';
import { hashPassword } from '../server/security/passwords.js';
import { nowIso } from '../server/time.js';

/** A user with their own new team (the sign-up path). */
export async function createUserWithTeam(db: Db, u: { email: string; name: string; password: string; teamName: string }) {
  return signup(db, u);
}

/** A further user in an existing team, e.g. a colleague who evaluates. */
export async function createTeamMember(db: Db, teamId: number, u: { email: string; name: string; password: string }) {
  const at = nowIso();
  const user = await insertUser(db, { email: u.email.toLowerCase(), name: u.name, passwordHash: await hashPassword(u.password), at });
  await addToTeam(db, teamId, user.id, at);
  return { userId: user.id };
}

/** Adds a member to an evaluation with a role (the members UI and API arrive with the roles work). */
export async function addEvaluationMember(db: Db, evaluationId: number, userId: number, role: MemberRole) {
  await insertMember(db, { evaluation_id: evaluationId, user_id: userId, role, group_id: null, added_at: nowIso(), removed_at: null });
}
