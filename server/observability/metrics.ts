import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { queuedJobs } from '../heavy/pool.js';

/**
 * What /metrics reports, in Prometheus' text format (prom-client): requests by route and status,
 * their latency, the event loop's delay (the figure issue 15 promises stays low) and the heavy
 * pool's queue. Request counts are per app (tests build many apps and must not mix their counts);
 * the process figures are measured once per process and shared.
 */
export interface Metrics {
  observe(method: string, route: string, status: number, seconds: number): void;
  /** The scrape: this app's request figures and the process's. */
  text(): Promise<string>;
  contentType: string;
}

let processRegistry: Registry | undefined;

/** Memory, CPU, event-loop delay and the heavy queue: one set per process, started on first use. */
function processFigures(): Registry {
  if (processRegistry) return processRegistry;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cxbench_' });
  // The longest delay since the previous scrape: how long a request could have waited behind another's work.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  new Gauge({
    name: 'cxbench_event_loop_delay_max_seconds', help: 'Longest event-loop delay since the previous scrape.', registers: [registry],
    collect() { this.set(delay.max / 1e9); delay.reset(); },
  });
  new Gauge({ name: 'cxbench_heavy_jobs_queued', help: 'Heavy computations (rankings, sensitivity) waiting for a worker thread.', registers: [registry], collect() { this.set(queuedJobs()); } });
  processRegistry = registry;
  return registry;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  const requests = new Counter({ name: 'cxbench_http_requests_total', help: 'HTTP requests answered, by method, route pattern and status.', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'cxbench_http_request_duration_seconds', help: 'Time to answer, by method and route pattern.', labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
  });
  return {
    observe(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    text: () => Registry.merge([registry, processFigures()]).metrics(),
    contentType: registry.contentType,
  };
}
