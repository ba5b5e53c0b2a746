import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** Liveness and database reachability, for load balancers and the CI smoke test. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: 'ok' });
  } catch {
    return Response.json({ status: 'erreur', detail: 'base de données injoignable' }, { status: 503 });
  }
}
