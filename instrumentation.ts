/**
 * Runs once when a server instance starts: validates the environment (a clear message and no
 * start when a production variable is missing) and starts the background e-mail delivery.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { serverEnv } = await import('@/lib/env');
  const env = serverEnv();
  if (env.EMAIL_WORKER_INTERVAL_MS > 0) {
    const [{ db }, { startEmailWorker }] = await Promise.all([import('@/lib/db'), import('@/lib/jobs/email-worker')]);
    startEmailWorker(db, env.EMAIL_WORKER_INTERVAL_MS);
  }
}
