/**
 * The load generator of `npm run bench`, in its own process (the server under test keeps its
 * cores to itself as far as two cores allow): autocannon against one URL, a warm-up run whose
 * results are dropped, then the measured run. Every response's latency is kept, so p50/p95/p99 are
 * exact (autocannon's own histogram summary has no p95).
 *
 *   tsx bench/load.ts '<json LoadSpec>'   → prints one JSON LoadResult on stdout
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { percentile } from './lib';

export interface LoadSpec {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** --quick: a fixed number of requests instead of a duration (a smoke run, not a measure) */
  amount?: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

function run(spec: LoadSpec, seconds: number, amount?: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const instance = autocannon(
      {
        url: spec.url,
        method: spec.method ?? 'GET',
        headers: spec.headers,
        body: spec.body,
        connections: spec.connections,
        ...(amount ? { amount } : { duration: seconds }),
        timeout: 30,
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        const at = (p: number) => (latencies.length ? Number(percentile(latencies, p).toFixed(1)) : 0);
        resolve({
          requests: latencies.length,
          rps: Number((latencies.length / ((performance.now() - started) / 1000)).toFixed(1)),
          p50: at(50),
          p95: at(95),
          p99: at(99),
          max: at(100),
          statuses,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const spec = JSON.parse(process.argv[2]!) as LoadSpec;
  if (spec.warmupSeconds > 0) await run(spec, spec.warmupSeconds, spec.amount);
  process.stdout.write(`${JSON.stringify(await run(spec, spec.seconds, spec.amount))}\n`);
}
