/**
 * The e-mail worker in a process of its own, for the crash test of tests/integration/email-pannes.test.ts
 * (which kills it with SIGKILL while a send hangs). Runs delivery passes until it is killed.
 *
 *   DATABASE_URL=… RESEND_BASE_URL=… RESEND_API_KEY=… WORKER_ID=… npx tsx tests/helpers/email-worker-child.ts
 *   options: EMAIL_SEND_TIMEOUT_MS, WORKER_LOCK_MS, WORKER_LIMIT
 */
import { deliverPendingEmails } from '@/lib/jobs/email-worker';
import { createPrismaClient } from '@/lib/prisma-client';

const env = process.env;
const db = createPrismaClient(env.DATABASE_URL!, { max: 2 });
const options = {
  apiKey: env.RESEND_API_KEY!,
  baseUrl: env.RESEND_BASE_URL!,
  from: 'CMonAlternance <ne-pas-repondre@cmonalternance-na.fr>',
  workerId: env.WORKER_ID ?? `child:${process.pid}`,
  timeoutMs: Number(env.EMAIL_SEND_TIMEOUT_MS ?? 15_000),
  lockMs: Number(env.WORKER_LOCK_MS ?? 60_000),
  limit: Number(env.WORKER_LIMIT ?? 20),
};

console.log(`ready ${process.pid}`);
for (;;) {
  const r = await deliverPendingEmails(db, options);
  console.log(`pass ${JSON.stringify(r)}`);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
