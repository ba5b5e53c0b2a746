import { Prisma } from '@/lib/generated/prisma/client';
import { createPrismaClient } from '@/lib/prisma-client';
import { countQuery, pageQuery } from '@/lib/profils-query';
const db = createPrismaClient('postgresql://postgres@127.0.0.1:55432/cma_s_bench_profils', { max: 2 });
const which = process.argv[2] ?? 'apprentissage';
const filters = JSON.parse(process.argv[3] ?? '{}');
for (const [t, q] of [['page', pageQuery('bench-staff', { q: which || undefined, ...filters }, 1)], ['count', countQuery({ q: which || undefined, ...filters })]] as const) {
  const rows = await db.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${q}`);
  console.log('==', t); for (const r of rows) console.log(r['QUERY PLAN']);
}
await db.$disconnect();
