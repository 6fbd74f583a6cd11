import { describe, expect, test } from 'vitest';
import { mayScore, SCORING_OPEN } from '../../server/domain/rules/may-score.js';
import { STATUSES } from '../../server/domain/permissions.js';

const ok = { declared: true, submitted: false, excluded: false, withdrawn: false };

describe('mayScore', () => {
  test.each(STATUSES.map((s) => [s]))('status %s: open only while scoring may change', (status) => {
    expect(mayScore({ status, ...ok })).toBe(SCORING_OPEN.includes(status) ? null : 'scoring_closed');
  });

  test('the first thing in the way wins: stage, declaration, submission, withdrawal, exclusion', () => {
    expect(mayScore({ status: 'decided', declared: false, submitted: true, excluded: true, withdrawn: true })).toBe('scoring_closed');
    expect(mayScore({ status: 'scoring', declared: false, submitted: true, excluded: true, withdrawn: true })).toBe('declaration_required');
    expect(mayScore({ status: 'scoring', declared: true, submitted: true, excluded: true, withdrawn: true })).toBe('scores_submitted');
    expect(mayScore({ status: 'scoring', declared: true, submitted: false, excluded: true, withdrawn: true })).toBe('vendor_withdrawn');
    expect(mayScore({ status: 'scoring', declared: true, submitted: false, excluded: true, withdrawn: false })).toBe('excluded');
  });
});
