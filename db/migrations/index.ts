import type { Migration } from 'kysely';
import * as m001 from './001_initial.js';
import * as m002 from './002_voting.js';
import * as m004 from './004_defensible.js';
import * as m005 from './005_read_paths.js';
import * as m006 from './006_write_paths.js';
import * as m007 from './007_guards_freeze.js';
import * as m008 from './008_decisions.js';
import * as m009 from './009_audit_summary.js';
import * as m010 from './010_invitations.js';
import * as m011 from './011_report_links.js';
import * as m012 from './012_pg_bytewise_text.js';
import * as m013 from './013_cost_formula.js';
import * as m014 from './014_login_failures.js';
import * as m015 from './015_pg_score_count_statements.js';
import * as m016 from './016_user_locale.js';
import * as m017 from './017_password_resets.js';

/** Every migration in order. Listed statically so they work the same under tsx, vitest and a bundle. */
export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_voting': m002,
  '004_defensible': m004,
  '005_read_paths': m005,
  '006_write_paths': m006,
  '007_guards_freeze': m007,
  '008_decisions': m008,
  '009_audit_summary': m009,
  '010_invitations': m010,
  '011_report_links': m011,
  '012_pg_bytewise_text': m012,
  '013_cost_formula': m013,
  '014_login_failures': m014,
  '015_pg_score_count_statements': m015,
  '016_user_locale': m016,
  '017_password_resets': m017,
};
