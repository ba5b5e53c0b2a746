/**
 * `npm run bench:seed -- --scale 1 [--seed 42]`: fills the benchmark database with the
 * regional-scale data set (bench/generator.ts).
 *
 * The benchmark database is `<DATABASE_URL's name>_bench` on the same server (created if needed,
 * emptied, migrated, referentials imported — the full files when REFERENTIELS_DIR is set, the
 * project's curated extract otherwise). It refuses a DATABASE_URL that is not on this machine.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_ACCOUNTS, BENCH_PASSWORD, generateBenchData } from './generator';
import { benchUrl, ensureDatabase } from './lib';
import { refreshAlertesForOffre } from '@/lib/alertes/refresh';
import { hashPassword } from '@/lib/auth/password';
import { assertLocalDatabase } from '@/lib/db-tools/local-guard';
import { migrate } from '@/lib/db-tools/migrate';
import { createPrismaClient } from '@/lib/prisma-client';
import { importReferentiels } from './referentiels';

export async function seedBench(opts: { url: string; scale: number; seed: number; log?: (l: string) => void }) {
  const log = opts.log ?? console.log;
  assertLocalDatabase(opts.url, 'bench:seed');
  const client = new pg.Client({ connectionString: opts.url });
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  await client.end();
  await migrate(opts.url);
  const db = createPrismaClient(opts.url, { max: 4 });
  try {
    await importReferentiels(db, log);
    const result = await generateBenchData(opts.url, {
      scale: opts.scale,
      seed: opts.seed,
      passwordHash: await hashPassword(BENCH_PASSWORD),
      log,
      refreshAlertes: async (ids) => {
        let n = 0;
        for (const offreId of ids) n += await db.$transaction((tx) => refreshAlertesForOffre(tx, offreId));
        return n;
      },
    });
    return result;
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '42' } } });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  if (!(scale > 0 && scale <= 5) || !Number.isInteger(seed)) {
    console.error('Usage : npm run bench:seed -- --scale <0 < n ≤ 5> [--seed <entier>]');
    process.exit(2);
  }
  if (!process.env.DATABASE_URL) {
    console.error('DATABASE_URL doit désigner un serveur PostgreSQL local (la base embarquée ne convient pas à ce volume).');
    process.exit(2);
  }
  try {
    assertLocalDatabase(process.env.DATABASE_URL, 'bench:seed');
    const { url, name } = benchUrl(process.env.DATABASE_URL, '_bench');
    await ensureDatabase(process.env.DATABASE_URL, name);
    console.log(`Base de benchmark : ${name} (échelle ${scale}, graine ${seed})`);
    const { counts, seconds } = await seedBench({ url, scale, seed });
    const nf = new Intl.NumberFormat('fr-FR');
    for (const [k, v] of Object.entries(counts)) console.log(`  ${k.padEnd(16)} ${nf.format(v).padStart(10)}`);
    console.log(`Durée : ${seconds.total.toFixed(1)} s (COPY ${seconds.copy.toFixed(1)} s, recherche ${seconds.search.toFixed(1)} s, index ${seconds.indexes.toFixed(1)} s, VACUUM ANALYZE ${seconds.vacuum.toFixed(1)} s)`);
    console.log(`Comptes : ${Object.values(BENCH_ACCOUNTS).join(', ')} — mot de passe ${BENCH_PASSWORD}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
