import type { RoundResult } from './crash-rounds.js';

export interface CrashSummary {
  rounds: number; acked: number; inFlight: number; inFlightLanded: number; unexpected: number; lost: number;
  integrityFailures: number; aggregateProblems: number; restartMsMedian: number; restartMsMax: number; seconds: number;
}

/** The figures the crash suite and the soak print and docs/security.md records. */
export function summarise(results: RoundResult[], seconds: number): CrashSummary {
  const sum = (f: (r: RoundResult) => number) => results.reduce((acc, r) => acc + f(r), 0);
  const restarts = results.map((r) => r.restartMs).sort((a, b) => a - b);
  return {
    rounds: results.length,
    acked: sum((r) => r.acked),
    inFlight: sum((r) => r.inFlight),
    inFlightLanded: sum((r) => r.inFlightLanded),
    unexpected: sum((r) => r.unexpected.length),
    lost: sum((r) => r.lost.length),
    integrityFailures: results.filter((r) => r.integrity !== 'ok').length,
    aggregateProblems: sum((r) => r.aggregateProblems.length),
    restartMsMedian: restarts[Math.floor(restarts.length / 2)] ?? 0,
    restartMsMax: restarts.at(-1) ?? 0,
    seconds: Math.round(seconds * 10) / 10,
  };
}

/** One line per round. */
export const roundLine = (r: RoundResult): string =>
  `round ${r.round}: killed after ${r.killAfterMs} ms, ${r.acked} answered 200, ${r.inFlight} unanswered (${r.inFlightLanded} of them committed), `
  + `lost ${r.lost.length}, integrity ${r.integrity}, aggregate mismatches ${r.aggregateProblems.length}, unexpected answers ${r.unexpected.length}, restart ${r.restartMs} ms`;
