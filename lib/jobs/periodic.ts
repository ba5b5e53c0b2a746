import type { DbClient } from '@/lib/prisma-client';

type Stop = () => Promise<void>;

const globalState = globalThis as unknown as { __cmaPeriodicJobs?: Map<string, WeakMap<object, Stop>> };
const registry = (globalState.__cmaPeriodicJobs ??= new Map());

/**
 * Runs `runOnce` now, then every `intervalMs` after the end of the previous run (runs never overlap
 * in this instance; the jobs keep other instances out with their JobRun lease). Errors are logged
 * with `label`, never thrown. `intervalMs` ≤ 0 disables it. A second start of the same job for the
 * same client returns the first one's stop function (hot reloads in development). The stop
 * function resolves once a run in progress ends.
 */
export function startPeriodicJob(name: string, db: DbClient, intervalMs: number, runOnce: () => Promise<void>, label: string): Stop {
  let started = registry.get(name);
  if (!started) registry.set(name, (started = new WeakMap()));
  const existing = started.get(db);
  if (existing) return existing;
  if (!(intervalMs > 0)) return async () => {};
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  const tick = () => {
    running = (async () => {
      try {
        await runOnce();
      } catch (error) {
        console.error(`[${name}] ${label} :`, error);
      } finally {
        running = null;
        if (!stopped) timer = setTimeout(tick, intervalMs);
      }
    })();
  };
  timer = setTimeout(tick, 0);
  const stop = async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    if (started.get(db) === stop) started.delete(db);
    await running;
  };
  started.set(db, stop);
  return stop;
}
