import type { Db } from '../../db/client.js';
import type { Evaluation } from '../../db/schema.js';
import { recordAudit } from '../../db/queries/audit.js';
import { insertWeightSet } from '../../db/queries/weights.js';
import { insertVendors } from '../../db/queries/vendors.js';
import { insertEvaluation } from '../../db/queries/evaluations.js';
import { insertMember } from '../../db/queries/members.js';
import { insertCriterion } from '../../db/queries/criteria.js';
import { insertGroups } from '../../db/queries/stakeholder-groups.js';
import { CATALOGUE } from '../content/catalogue.js';
import { TEMPLATES, type TemplateCriterion, type TemplateName } from '../content/templates.js';
import { defaultGroupsIn, templateIn } from '../content/template-text.js';
import { nowIso } from '../time.js';

export interface NewEvaluationInput { name: string; template: TemplateName; scale: { min: number; max: number } }

/**
 * Creates an evaluation with its creator as facilitator, the template's criteria (cxm-core also
 * brings the CXM vendor catalogue) and weight-set version 1 with equal shares, all or nothing.
 */
export async function createEvaluation(db: Db, actor: { id: number; teamId: number }, input: NewEvaluationInput): Promise<Evaluation> {
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const evaluation = await insertEvaluation(trx, {
      team_id: actor.teamId, name: input.name.trim(), status: 'draft', scale_min: input.scale.min, scale_max: input.scale.max, template: input.template, created_by: actor.id, created_at: at, updated_at: at,
    });
    await insertMember(trx, { evaluation_id: evaluation.id, user_id: actor.id, role: 'facilitator', group_id: null, added_at: at, removed_at: null });

    const local = new Map<string, number>();
    let position = 0;
    const add = (parentId: number | null, c: TemplateCriterion) => insertCriterion(trx, {
      evaluation_id: evaluation.id, parent_id: parentId, name: c.name, description: c.description, kind: c.kind, rubric: JSON.stringify(c.rubric), position: position++, created_at: at,
    });
    // The template's words in the creator's language; the team's own later edits stay as typed.
    const criteria = templateIn(TEMPLATES[input.template]);
    for (const top of criteria) {
      const parent = await add(null, top);
      local.set(String(parent.id), 1 / criteria.length);
      for (const child of top.children) local.set(String((await add(parent.id, child)).id), 1 / top.children.length);
    }
    // One statement: the catalogue lists a few dozen platforms, far below insertVendors' chunk of 1,000.
    if (input.template === 'cxm-core') await insertVendors(trx, evaluation.id, CATALOGUE.map((v) => ({ ...v, price: null })), at);
    // The default stakeholder groups, equal weight, named in the creator's language like the
    // template; the facilitator can rename, weigh or add others.
    await insertGroups(trx, evaluation.id, defaultGroupsIn());
    await insertWeightSet(trx, evaluation.id, local, { source: 'template', note: 'Equal shares from the template', createdBy: actor.id, at });
    await recordAudit(trx, {
      teamId: actor.teamId, evaluationId: evaluation.id, actorId: actor.id, action: 'create', entity: 'evaluation', entityId: evaluation.id,
      after: { name: evaluation.name, template: input.template, scale: input.scale, criteria: local.size, vendors: input.template === 'cxm-core' ? CATALOGUE.length : 0 },
    });
    return evaluation;
  });
}
