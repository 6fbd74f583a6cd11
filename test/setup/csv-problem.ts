import { LonglistFormatError, type LonglistProblem } from '../../server/domain/csv-longlist.js';

/** The problem a LonglistFormatError carries (the test fails when nothing is thrown). */
export function problemOf(read: () => unknown): LonglistProblem {
  try {
    read();
  } catch (e) {
    if (e instanceof LonglistFormatError) return e.problem;
    throw e;
  }
  throw new Error('no LonglistFormatError');
}
