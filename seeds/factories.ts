import type { Db } from '../db/client.js';
import type { MemberRole } from '../db/schema.js';
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
  const user = await db
    .insertInto('users')
    .values({ email: u.email.toLowerCase(), name: u.name, password_hash: await hashPassword(u.password), created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('team_members').values({ team_id: teamId, user_id: user.id, created_at: at }).execute();
  return { userId: user.id };
}

/** Adds a member to an evaluation with a role (the members UI and API arrive with the roles work). */
export async function addEvaluationMember(db: Db, evaluationId: number, userId: number, role: MemberRole) {
  await db.insertInto('evaluation_members').values({ evaluation_id: evaluationId, user_id: userId, role, group_id: null, added_at: nowIso(), removed_at: null }).execute();
}
