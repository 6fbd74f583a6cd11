/**
 * Who owns the CX business case, by the survey seed 004 quotes: the default stakeholder groups, in
 * English. An evaluation gets them in its creator's language (views/messages/template.ts `groups`);
 * once created they are the team's data, renamed and shown as typed.
 */
export const DEFAULT_GROUPS = ['Marketing', 'E-commerce', 'Technology', 'Customer service', 'Data'] as const;
