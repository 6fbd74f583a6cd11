import { request } from 'node:http';

/**
 * Probes `GET /healthz` over a real socket every `everyMs` until stopped. A probe's wait runs from
 * the moment it was due (so a timer held back by a blocked event loop counts) to its answer.
 */
export function probeHealthz(port: number, everyMs = 20): { stop: () => Promise<{ probes: number; longest: number; failed: number }> } {
  let running = true;
  let probes = 0;
  let failed = 0;
  let longest = 0;
  let inFlight: Promise<void> = Promise.resolve();
  const once = (due: number) => new Promise<void>((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      res.on('end', () => {
        probes++;
        if (res.statusCode !== 200) failed++;
        longest = Math.max(longest, performance.now() - due);
        resolve();
      });
    });
    req.on('error', () => { failed++; resolve(); });
    req.end();
  });
  let due = performance.now() + everyMs;
  const tick = () => {
    if (!running) return;
    inFlight = once(due).then(() => {
      due = Math.max(due + everyMs, performance.now());
      if (running) setTimeout(tick, Math.max(0, due - performance.now()));
    });
  };
  setTimeout(tick, everyMs);
  return {
    stop: async () => {
      running = false;
      await inFlight;
      return { probes, longest, failed };
    },
  };
}
