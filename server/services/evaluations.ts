import type { Db } from '../../db/client.js';
import type { Evaluation } from '../../db/schema.js';
import { recordAudit } from '../../db/queries/audit.js';
import { insertWeightSet } from '../../db/queries/weights.js';
import { nameKey } from '../../db/queries/vendors.js';
import { CATALOGUE } from '../content/catalogue.js';
import { TEMPLATES, type TemplateName } from '../content/templates.js';
import { nowIso } from '../time.js';
import { DEFAULT_GROUPS } from './stakeholders.js';

export interface NewEvaluationInput { name: string; template: TemplateName; scale: { min: number; max: number } }

/**
 * Creates an evaluation with its creator as facilitator, the template's criteria (cxm-core also
 * brings the CXM vendor catalogue) and weight-set version 1 with equal shares, all or nothing.
 */
export async function createEvaluation(db: Db, actor: { id: number; teamId: number }, input: NewEvaluationInput): Promise<Evaluation> {
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const evaluation = await trx
      .insertInto('evaluations')
      .values({ team_id: actor.teamId, name: input.name.trim(), status: 'draft', scale_min: input.scale.min, scale_max: input.scale.max, template: input.template, created_by: actor.id, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.insertInto('evaluation_members').values({ evaluation_id: evaluation.id, user_id: actor.id, role: 'facilitator', group_id: null, added_at: at, removed_at: null }).execute();

    const local = new Map<string, number>();
    let position = 0;
    for (const top of TEMPLATES[input.template]) {
      const parent = await trx
        .insertInto('criteria')
        .values({ evaluation_id: evaluation.id, parent_id: null, name: top.name, description: top.description, kind: top.kind, rubric: JSON.stringify(top.rubric), position: position++, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      local.set(String(parent.id), 1 / TEMPLATES[input.template].length);
      for (const child of top.children) {
        const row = await trx
          .insertInto('criteria')
          .values({ evaluation_id: evaluation.id, parent_id: parent.id, name: child.name, description: child.description, kind: child.kind, rubric: JSON.stringify(child.rubric), position: position++, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        local.set(String(row.id), 1 / top.children.length);
      }
    }
    if (input.template === 'cxm-core' && CATALOGUE.length > 0) {
      await trx
        .insertInto('vendors')
        .values(CATALOGUE.map((v) => ({ evaluation_id: evaluation.id, name: v.name, name_key: nameKey(v.name), website: v.website, category: v.category, description: v.description, price: null, screened_out: null, created_at: at, updated_at: at })))
        .execute();
    }
    // The default stakeholder groups, equal weight; the facilitator can weigh or add others.
    await trx.insertInto('stakeholder_groups').values(DEFAULT_GROUPS.map((name, position) => ({ evaluation_id: evaluation.id, name, weight: 1, position }))).execute();
    await insertWeightSet(trx, evaluation.id, local, { source: 'template', note: 'Equal shares from the template', createdBy: actor.id, at });
    await recordAudit(trx, {
      teamId: actor.teamId, evaluationId: evaluation.id, actorId: actor.id, action: 'create', entity: 'evaluation', entityId: evaluation.id,
      after: { name: evaluation.name, template: input.template, scale: input.scale, criteria: local.size, vendors: input.template === 'cxm-core' ? CATALOGUE.length : 0 },
    });
    return evaluation;
  });
}
