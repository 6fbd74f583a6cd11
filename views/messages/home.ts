import { icu } from './icu.js';

export const home = {
  title: 'Your evaluations',
  empty: 'No evaluations yet. Start one below: the CXM template gives you five weighted criteria and a catalogue of 17 platforms to score.',
  newTitle: 'Start an evaluation',
  name: 'Name',
  namePlaceholder: 'e.g. CXM platform selection 2027',
  template: 'Start from',
  templates: { 'cxm-core': 'CXM core — 5 criteria, 16 sub-criteria, 17 platforms', blank: 'Blank — add your own criteria and vendors' },
  scale: 'Score scale',
  scaleMin: 'from',
  scaleMax: 'to',
  scaleMinLabel: 'Scale minimum',
  scaleMaxLabel: 'Scale maximum',
  create: 'Create evaluation',
  vendors: icu('{n, plural, one {# vendor} other {# vendors}}', (n: number) => ({ n })),
  criteria: icu('{n, plural, one {# criterion} other {# criteria}}', (n: number) => ({ n })),
  yourRole: 'your role',
} as const;
