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

/**
 * POSTs `body` from a child process, so the sending (a 10 MB upload) does not share the event loop
 * under test: a client in this process makes the probe measure the client as much as the server.
 */
export async function postFromChild(url: string, headers: Record<string, string>, body: Uint8Array): Promise<{ status: number; body: string }> {
  const { spawn } = await import('node:child_process');
  const script = `const chunks = []; process.stdin.on('data', (c) => chunks.push(c)); process.stdin.on('end', async () => {
    const res = await fetch(${JSON.stringify(url)}, { method: 'POST', headers: ${JSON.stringify(headers)}, body: Buffer.concat(chunks) });
    process.stdout.write(JSON.stringify({ status: res.status, body: await res.text() }));
  });`;
  // The body goes over stdin before the request starts; the child answers only once it has it all.
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => { out += s; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.stdin.end(body);
  const code = await exited;
  if (code !== 0) throw new Error(`upload child exited with ${code}: ${out.slice(0, 300)}`);
  return JSON.parse(out) as { status: number; body: string };
}
