/**
 * Runs a background job once, for cron-style scheduling (or by hand):
 *
 *   npx tsx scripts/jobs-run.ts offres-archive [--now 2027-03-01T06:00:00Z]
 *   npx tsx scripts/jobs-run.ts rgpd-retention [--now 2028-12-01T03:00:00Z]
 *
 * The job takes the same JobRun lease as the app instances, so running it while they run it too
 * is safe. E-mails it writes are delivered right away by one pass of the e-mail worker (and by
 * the app's worker otherwise). Exit code: 0 done or skipped (lease held elsewhere), 1 error,
 * 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@/lib/prisma-client';
import { withDatabase } from './lib/database';

const JOBS = ['offres-archive', 'rgpd-retention'] as const;
type JobName = (typeof JOBS)[number];

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(`Usage : npx tsx scripts/jobs-run.ts <job> [--now <date ISO 8601>]\nJobs : ${JOBS.join(', ')}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { now: { type: 'string' } } });
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const [job, ...extra] = parsed.positionals;
if (!job || extra.length > 0) usage();
if (!(JOBS as readonly string[]).includes(job)) usage(`Job inconnu : « ${job} ».`);
const now = parsed.values.now ? new Date(parsed.values.now) : new Date();
if (Number.isNaN(now.getTime())) usage(`Date invalide pour --now : « ${parsed.values.now} » (exemple : 2027-03-01T06:00:00Z).`);

async function run(name: JobName, url: string) {
  // lib/env reads DATABASE_URL (e-mail links, worker configuration): the embedded database's too
  process.env.DATABASE_URL ??= url;
  const [{ runOffresArchiveJob }, { kickEmailWorker }] = await Promise.all([import('@/lib/jobs/offres-archive'), import('@/lib/jobs/email-worker')]);
  const db = createPrismaClient(url, { max: 2 });
  try {
    switch (name) {
      case 'offres-archive': {
        const result = await runOffresArchiveJob(db, now);
        if (!result.ran) {
          console.log(`[${name}] déjà en cours dans une autre instance : rien à faire.`);
          return;
        }
        console.log(`[${name}] ${now.toISOString()} : ${result.archived} offre(s) archivée(s), ${result.warned} avertissement(s) d'archivage.`);
        if (result.warned > 0) await kickEmailWorker(db);
        return;
      }
      case 'rgpd-retention': {
        const { runRgpdRetentionJob } = await import('@/lib/jobs/rgpd-retention');
        const { ran, ...counts } = await runRgpdRetentionJob(db, now);
        if (!ran) {
          console.log(`[${name}] déjà en cours dans une autre instance : rien à faire.`);
          return;
        }
        console.log(`[${name}] ${now.toISOString()} : ${JSON.stringify(counts)}`);
        if (counts.avertissements + counts.comptesAnonymises > 0) await kickEmailWorker(db);
        return;
      }
    }
  } finally {
    await db.$disconnect();
  }
}

try {
  await withDatabase((url) => run(job as JobName, url));
} catch (error) {
  console.error(`[${job}] échec :`, error);
  process.exitCode = 1;
}
