/**
 * Runs once when a server instance starts: validates the environment (a clear message and no
 * start when a production variable is missing) and starts the background jobs: e-mail delivery
 * the auto-archiving of offers and the RGPD retention (all safe with several instances).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { serverEnv } = await import('@/lib/env');
  const env = serverEnv();
  if (env.EMAIL_WORKER_INTERVAL_MS > 0) {
    const [{ db }, { startEmailWorker }] = await Promise.all([import('@/lib/db'), import('@/lib/jobs/email-worker')]);
    startEmailWorker(db, env.EMAIL_WORKER_INTERVAL_MS);
  }
  if (env.OFFRES_ARCHIVE_INTERVAL_MS > 0) {
    const [{ db }, { startOffresArchiveJob }] = await Promise.all([import('@/lib/db'), import('@/lib/jobs/offres-archive')]);
    startOffresArchiveJob(db, env.OFFRES_ARCHIVE_INTERVAL_MS);
  }
  if (env.RGPD_RETENTION_INTERVAL_MS > 0) {
    const [{ db }, { startRgpdRetentionJob }] = await Promise.all([import('@/lib/db'), import('@/lib/jobs/rgpd-retention')]);
    startRgpdRetentionJob(db, env.RGPD_RETENTION_INTERVAL_MS);
  }
}
