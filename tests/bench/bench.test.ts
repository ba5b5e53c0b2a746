import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { BENCH_ACCOUNTS, BENCH_STRUCTURE, countsAt } from '@/bench/generator';
import { benchUrl, ensureDatabase } from '@/bench/lib';
import { seedBench } from '@/bench/seed';

/**
 * After `npm run bench -- --quick` (scripts/test.ts runs it on a real PostgreSQL): the report has
 * the shape, and the generated database holds the data set's counts with every foreign key
 * satisfied. Timings are never asserted.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const BASE = process.env.DATABASE_URL!;
const QUICK_SCALE = 0.01;

const num = z.number().finite().nonnegative();
const reportSchema = z.object({
  date: z.string(),
  quick: z.literal(true),
  machine: z.object({ cpus: num, model: z.string(), memoryGb: num, node: z.string(), postgres: z.string().startsWith('PostgreSQL') }),
  data: z.record(z.string(), num),
  settings: z.object({ connections: z.literal(16), warmupSeconds: num, seconds: num, explainRuns: num, requestsPerScenario: z.literal(48) }),
  scenarios: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        kind: z.enum(['ceiling', 'public', 'staff', 'action']),
        load: z.object({ requests: num, rps: num, p50: num, p95: num, p99: num, max: num, statuses: z.record(z.string(), num), errors: num, timeouts: num }),
        ratioToCeiling: num,
        queries: num,
        sqlTotalP95: num,
        seqScansOnLargeTables: z.array(z.string()),
        budgets: z.record(z.string(), z.boolean()),
      }),
    )
    .length(8),
  explain: z.record(z.string(), z.array(z.object({ sql: z.string(), p50: num, p95: num, nodes: z.array(z.object({ node: z.string(), rows: num, ms: num })).min(1) }))),
});

describe('rapport de npm run bench -- --quick', () => {
  const report = () => JSON.parse(readFileSync(path.join(ROOT, 'bench/results/quick.json'), 'utf8'));

  it('a la forme attendue : 7 scénarios et le plafond, chiffres, budgets, plans', () => {
    const r = reportSchema.parse(report());
    expect(r.scenarios.map((s) => s.id)).toEqual([
      'plafond', 'offres-recherche', 'offre-page', 'tableau-de-bord', 'profils-recherche', 'candidatures-a-traiter', 'candidature-detail', 'creer-offre',
    ]);
    for (const s of r.scenarios) {
      expect(s.load.requests, s.id).toBeGreaterThan(0);
      // every response of a scenario is a 200: pages, and the action (Next answers a server action's
      // redirect with 200, the target page's payload and x-action-redirect; the offers it created are
      // counted below)
      expect(Object.keys(s.load.statuses), s.id).toEqual(['200']);
      if (s.kind !== 'ceiling') expect(s.queries, s.id).toBeGreaterThan(0);
    }
    // each search has its SQL explained, and the page scenarios their JavaScript weighed
    for (const id of ['offres-recherche', 'profils-recherche', 'tableau-de-bord']) expect(r.explain[id]!.length, id).toBeGreaterThan(0);
    const md = readFileSync(path.join(ROOT, 'bench/results/quick.md'), 'utf8');
    expect(md).toContain('| Scénario | req/s | p50 ms | p95 ms | p99 ms | % plafond |');
    expect(md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Scénario')).length).toBe(8);
  });
});

/** Every foreign key of the schema, checked row by row (the generator loads with FK triggers off). */
async function foreignKeyViolations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ child: string; cols: string[]; parent: string; pcols: string[] }>(`
    SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
      ARRAY(SELECT a.attname FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k ORDER BY k)::text[] AS cols,
      ARRAY(SELECT a.attname FROM unnest(c.confkey) k JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k ORDER BY k)::text[] AS pcols
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`);
  const bad: string[] = [];
  for (const fk of rows) {
    const cond = fk.cols.map((c, i) => `p."${fk.pcols[i]}" = t."${c}"`).join(' AND ');
    const notNull = fk.cols.map((c) => `t."${c}" IS NOT NULL`).join(' AND ');
    const { rows: r } = await client.query(`SELECT count(*)::int AS n FROM ${fk.child} t WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE ${cond})`);
    if (r[0].n > 0) bad.push(`${fk.child}(${fk.cols.join(',')}) → ${fk.parent} : ${r[0].n}`);
  }
  return bad;
}

describe('générateur de données (échelle réduite)', () => {
  const { url } = benchUrl(BASE, '_bench');
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(() => client.end());

  it("remplit la base de benchmark aux proportions de l'échelle, avec la structure de benchmark", async () => {
    const n = countsAt(QUICK_SCALE);
    const count = async (sql: string) => (await client.query(sql)).rows[0].n as number;
    expect(await count('SELECT count(*)::int AS n FROM "Structure"')).toBe(n.structures);
    expect(await count('SELECT count(*)::int AS n FROM "Membership"')).toBe(n.acteurs);
    expect(await count('SELECT count(*)::int AS n FROM "Employeur"')).toBe(n.employeurs);
    expect(await count(`SELECT count(*)::int AS n FROM "User" WHERE role = 'CANDIDAT'`)).toBe(n.candidats);
    expect(await count('SELECT count(*)::int AS n FROM "Projet"')).toBe(n.projets);
    expect(await count('SELECT count(*)::int AS n FROM "Candidature"')).toBe(n.candidatures);
    expect(await count('SELECT count(*)::int AS n FROM "Favori"')).toBe(n.favoris);
    // the offers, plus those the quick run's « Créer une offre » scenario really published (warm-up and measure)
    const creees = await count(`SELECT count(*)::int AS n FROM "Offre" WHERE description = 'Offre créée par le benchmark.'`);
    expect(creees).toBeGreaterThanOrEqual(2 * 48);
    expect(await count('SELECT count(*)::int AS n FROM "Offre"')).toBe(n.offres + creees);
    // every status, every offer with a diplôme, search columns filled by the app's SQL
    expect(await count('SELECT count(DISTINCT status)::int AS n FROM "Offre"')).toBe(3);
    expect(await count('SELECT count(*)::int AS n FROM "Offre" o WHERE NOT EXISTS (SELECT 1 FROM "OffreDiplome" d WHERE d."offreId" = o.id)')).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM "Offre" WHERE "searchText" = ''`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM "Projet" WHERE "searchVector" IS NULL`)).toBe(0);
    // communes of Nouvelle-Aquitaine only, referential métiers and diplômes
    const generated = `description <> 'Offre créée par le benchmark.'`;
    expect(await count(`SELECT count(*)::int AS n FROM "Offre" o LEFT JOIN "Commune" c ON c.code = o."communeInsee" WHERE ${generated} AND (c.code IS NULL OR c."departementCode" <> o."departementCode")`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM "Offre" o WHERE NOT EXISTS (SELECT 1 FROM "RomeAppellation" a WHERE a.code = o."appellationCode" AND a."romeCode" = o."romeCode")`)).toBe(0);
    // the benchmark structure: its gestionnaire, its offers and applications
    const bench = (await client.query(`SELECT m."structureId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1 AND m.role = 'GESTIONNAIRE'`, [BENCH_ACCOUNTS.gestionnaire])).rows[0];
    expect(bench).toBeDefined();
    const benchOffres = await count(`SELECT count(*)::int AS n FROM "Offre" WHERE "structureId" = '${bench.structureId}' AND ${generated}`);
    expect(benchOffres).toBe(Math.min(BENCH_STRUCTURE.offres, Math.max(50, Math.round(n.offres / 10))));
    expect(await count(`SELECT count(*)::int AS n FROM "Candidature" k JOIN "Offre" o ON o.id = k."offreId" WHERE o."structureId" = '${bench.structureId}'`)).toBe(
      Math.min(BENCH_STRUCTURE.candidatures, Math.round(n.candidatures / 4)),
    );
    // one application per (offer, candidate), at most: the unique index was rebuilt over the data
    expect(await count('SELECT count(*)::int AS n FROM (SELECT 1 FROM "Candidature" GROUP BY "offreId", "candidatId" HAVING count(*) > 1) d')).toBe(0);
  });

  it('respecte chaque clé étrangère du schéma (chargement sans déclencheurs)', async () => {
    expect(await foreignKeyViolations(client)).toEqual([]);
  });

  it('est reproductible : même graine, mêmes données', async () => {
    const { url: a, name: na } = benchUrl(BASE, '_bench_repro_a');
    const { url: b, name: nb } = benchUrl(BASE, '_bench_repro_b');
    await ensureDatabase(BASE, na);
    await ensureDatabase(BASE, nb);
    const digest = async (u: string) => {
      const c = new pg.Client({ connectionString: u });
      await c.connect();
      try {
        const out: string[] = [];
        // certification ids are generated by the referential import: compared by their content
        for (const t of ['Structure', 'Employeur', 'Offre', 'OffreDiplome', 'Projet', 'Candidature', 'Favori', 'User']) {
          out.push((await c.query(`SELECT md5(string_agg((to_jsonb(x) - 'certificationId' - 'passwordHash')::text, '|' ORDER BY x.id)) AS h FROM "${t}" x`)).rows[0].h);
        }
        return out;
      } finally {
        await c.end();
      }
    };
    // the project's curated referentials: the same for both, and quick to import
    const referentiels = process.env.REFERENTIELS_DIR;
    delete process.env.REFERENTIELS_DIR;
    onTestFinished(() => {
      if (referentiels !== undefined) process.env.REFERENTIELS_DIR = referentiels;
    });
    await seedBench({ url: a, scale: 0.002, seed: 7, log: () => {} });
    await seedBench({ url: b, scale: 0.002, seed: 7, log: () => {} });
    const [da, db] = [await digest(a), await digest(b)];
    expect(da).toEqual(db);
    await seedBench({ url: b, scale: 0.002, seed: 8, log: () => {} });
    expect(await digest(b)).not.toEqual(da);
  }, 180_000);
});
