import { standbyServer, type RunningServer, type Standby } from './server-process.js';
import { setUpScoringTeam, type ScoringTeam } from './scoring-team.js';
import { call, seeded } from './http-client.js';
import { readDatabaseState, type StoredScore } from './crash-check.js';

// Issue 15, promise 2: the round logic of the SIGKILL crash suite, shared by
// test/hardening/crash-durability.test.ts (25 rounds in CI) and `npm run soak` (the long run).
//
// Each evaluator is one client writing its own scores one request at a time, so for every score
// at most one write is unanswered when the server dies. After a restart a score must hold the last
// value answered 200, or the value of that one unanswered write (it may or may not have committed),
// and nothing else: an acknowledged write that is missing or older is a lost write.

export const CRASH_SIZE = { evaluators: 8, vendors: 6, criteria: 4 };

export interface Expected { acked: StoredScore | null; inFlight: StoredScore | null }

export interface RoundResult {
  round: number;
  /** Milliseconds from the round's first answered write to the SIGKILL. */
  killAfterMs: number;
  /** Writes answered 200 this round. */
  acked: number;
  /** Writes without an answer when the process died, and how many of those turned out committed. */
  inFlight: number;
  inFlightLanded: number;
  /** Answers other than 200 (none are expected). */
  unexpected: string[];
  /** Acknowledged writes missing or replaced by something older after the restart. */
  lost: string[];
  integrity: string;
  aggregateProblems: string[];
  /** From "go" to listening, after the kill. */
  restartMs: number;
}

export interface CrashRun {
  team: ScoringTeam;
  /** The next round, or the final check; resolves with the round's figures. */
  round: (seed: number) => Promise<RoundResult>;
  /** Stops the server (SIGTERM) and the waiting standby. */
  finish: () => Promise<void>;
}

/** Sets up a team on a fresh server for `dbPath`; each `round()` writes, kills, restarts and checks. */
export async function startCrashRun(dbPath: string, opts: { minKillMs?: number; maxKillMs?: number } = {}): Promise<CrashRun> {
  const { minKillMs = 0, maxKillMs = 400 } = opts;
  let server: RunningServer = await standbyServer(dbPath).start();
  let next: Standby = standbyServer(dbPath);
  const team = await setUpScoringTeam(server.port, CRASH_SIZE);
  const expected = new Map<string, Expected>();
  let n = 0;
  let unchecked: Omit<RoundResult, 'lost' | 'integrity' | 'aggregateProblems' | 'restartMs' | 'inFlightLanded'> | null = null;

  /** After a kill: start the standby, compare the file with what was answered, and fold unanswered writes in. */
  async function restartAndCheck(): Promise<RoundResult> {
    const started = performance.now();
    server = await next.start();
    const restartMs = Math.round(performance.now() - started);
    // The process for the next restart loads its modules while this round checks and writes.
    next = standbyServer(dbPath);
    const state = readDatabaseState(dbPath, team.evaluationId);
    const lost: string[] = [];
    let inFlightLanded = 0;
    for (const [key, want] of expected) {
      const got = state.scores.get(key) ?? null;
      const same = (a: StoredScore | null) => (a === null ? got === null : got !== null && got.value === a.value && got.comment === a.comment);
      if (want.inFlight && same(want.inFlight)) { inFlightLanded++; expected.set(key, { acked: want.inFlight, inFlight: null }); continue; }
      if (!same(want.acked)) lost.push(`${key}: answered ${JSON.stringify(want.acked)}, found ${JSON.stringify(got)}`);
      expected.set(key, { acked: want.acked, inFlight: null });
    }
    return { ...unchecked!, inFlightLanded, lost, integrity: state.integrity, aggregateProblems: state.aggregateProblems, restartMs };
  }

  async function writeUntilKilled(seed: number) {
    const random = seeded(seed);
    const killAfterMs = Math.round(minKillMs + random() * (maxKillMs - minKillMs));
    let dead = false;
    let acked = 0;
    let inFlight = 0;
    const unexpected: string[] = [];
    let firstAck = () => {};
    const acknowledged = new Promise<void>((resolve) => { firstAck = resolve; });
    const base = `/api/v1/evaluations/${team.evaluationId}/scores`;
    const client = async (i: number) => {
      for (let w = 0; !dead; w++) {
        const vendorId = team.vendors[Math.floor(random() * team.vendors.length)]!;
        const criterionId = team.criteria[Math.floor(random() * team.criteria.length)]!;
        const write: StoredScore = { value: random() < 0.1 ? null : Math.floor(random() * 6), comment: `r${n}-c${i}-w${w}` };
        const key = `${vendorId}:${criterionId}:${team.userIds[i]}`;
        const entry = expected.get(key) ?? { acked: null, inFlight: null };
        entry.inFlight = write;
        expected.set(key, entry);
        const res = await call(server.port, team.tokens[i]!, 'PUT', base, { vendorId, criterionId, ...write });
        if (res.status === 200) { entry.acked = write; entry.inFlight = null; acked++; firstAck(); continue; }
        if (res.status === 0) { inFlight++; return; }
        // An answer that is not 200 means the write did not happen.
        entry.inFlight = null;
        unexpected.push(`${res.status} ${JSON.stringify(res.json)}`);
        firstAck();
      }
    };
    const clients = team.tokens.map((_, i) => client(i));
    // Timed from the first answer: a fresh process starts its writer thread on the first write,
    // and a kill before that would only ever catch writes that never started.
    await acknowledged;
    await new Promise((resolve) => setTimeout(resolve, killAfterMs));
    const killed = server.kill();
    dead = true;
    await killed;
    await Promise.all(clients);
    return { round: n, killAfterMs, acked, inFlight, unexpected };
  }

  return {
    team,
    round: async (seed) => {
      n += 1;
      unchecked = await writeUntilKilled(seed);
      return restartAndCheck();
    },
    finish: async () => {
      await server.stop();
      await next.discard();
    },
  };
}
