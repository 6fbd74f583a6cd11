/**
 * Column headings and row labels of the CSV exports (issue 16: headings in the reader's language).
 * The JSON export keeps its English keys: it is an API.
 */
export const exportsText = {
  shortlist: { rank: 'rank', vendor: 'vendor', total: 'total', coverage: 'coverage', status: 'status', reason: 'reason' },
  decisionRows: { decision: 'decision', vendors: 'vendors', reason: 'reason', decidedBy: 'decided by', acknowledged: 'acknowledged provisional', approval: 'approval', pending: 'pending' },
  audit: { at: 'at', actor: 'actor', action: 'action', vendor: 'vendor', criterion: 'criterion', member: 'member', weightSet: 'weight set', before: 'before', after: 'after', summary: 'summary', entity: 'entity', entityId: 'entity id' },
} as const;
