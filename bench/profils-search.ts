/**
 * Bench of « Recherche de profils » (/mon-espace/profils) on 100,000 generated projects.
 *
 * Usage:
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:55432/cma npm run bench:profils -- [--regenerate] [--runs=30]
 *
 * - Refuses a DATABASE_URL that is not on this machine (lib/db-tools/local-guard.ts).
 * - Never writes to that database: it creates (or reuses) `<name>_bench_profils` on the same server,
 *   migrates it (lib/db-tools/migrate.ts), imports the referentials (importCurated, as the seed
 *   does) and, when it holds fewer than 100,000 projects (or with --regenerate), generates them in
 *   a few set-based statements: 100,000 candidates (1 % deactivated) with one project each — a ROME
 *   appellation of the referential, a diplôme of the referential close to it (trigram similarity,
 *   else any), its level, 1 to 3 years, contract types (50 % apprentissage, 15 % contrat pro, 25 %
 *   both, 10 % stage), 20 % the whole region, else one or two départements (a quarter in Gironde),
 *   5 % not visible, last change spread over a year — then one UPDATE fills the search columns with
 *   the expressions of lib/search.ts (PROJET_SEARCH_SET_SQL), VACUUM (FULL, ANALYZE).
 * - Measures the page's own function (lib/profils-query.ts searchProfilsWith, used by
 *   lib/data/profils.ts: the page and the count, in parallel): each scenario 5 warm-up runs then
 *   N runs (default 30), p50 / p95 / max in ms; then the main nodes of EXPLAIN (ANALYZE, BUFFERS) of
 *   the keyword statements. Writes bench/results/profils-search.json and .md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchArgs, benchUrl, ensureDatabase, generateData, percentile } from './lib';
import { assertLocalDatabase } from '@/lib/db-tools/local-guard';
import { migrate } from '@/lib/db-tools/migrate';
import { Prisma } from '@/lib/generated/prisma/client';
import { createPrismaClient, type DbClient } from '@/lib/prisma-client';
import { countQuery, pageQuery, searchProfilsWith, type ProfilsFilters } from '@/lib/profils-query';
import { importCurated } from '@/lib/referentiels/import';
import { PROJET_SEARCH_SET_SQL } from '@/lib/search';

const PROJETS = 100_000;
const WARMUP = 5;
const STAFF_ID = 'bench-staff';
const RESULTS_DIR = path.resolve(import.meta.dirname, 'results');

const { runs: RUNS, regenerate: REGENERATE } = benchArgs();

/** The whole data set, set-based: a handful of statements in one transaction. */
const GENERATE_SQL = `
SELECT setseed(0.42);
TRUNCATE "User" CASCADE;

CREATE TEMP TABLE apps ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY code) AS i, code, libelle, "libelleRecherche", "romeCode", version FROM "RomeAppellation";
CREATE TEMP TABLE certs ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY id) AS i, id, intitule, "intituleRecherche", niveau FROM "Certification" WHERE active AND niveau BETWEEN 3 AND 8;
-- for each appellation, up to 3 diplômes whose title is close to it (else any 3): « Carreleur » → « CAP carreleur mosaïste »
CREATE TEMP TABLE app_certs ON COMMIT DROP AS
  SELECT a.i, coalesce(
    (SELECT array_agg(c.i ORDER BY s DESC) FROM (
       SELECT c.i, word_similarity(split_part(a."libelleRecherche", ' ', 1), c."intituleRecherche") AS s
       FROM certs c ORDER BY s DESC, c.i LIMIT 3) c WHERE c.s >= 0.5),
    ARRAY[1 + (a.i * 7) % (SELECT count(*) FROM certs), 1 + (a.i * 13) % (SELECT count(*) FROM certs)]::bigint[]) AS certs
  FROM apps a;

-- 100,000 candidates, 1 % deactivated
INSERT INTO "User" (id, email, "passwordHash", role, prenom, nom, active, "updatedAt")
SELECT 'bu' || g, 'candidat' || g || '@bench.test', 'bench', 'CANDIDAT'::"Role", 'Prénom', 'Nom ' || g, g % 100 <> 0, now()
FROM generate_series(1, ${PROJETS}) g;

CREATE TEMP TABLE r ON COMMIT DROP AS
  SELECT g, random() AS a, random() AS b, random() AS c, random() AS d, random() AS e, random() AS f, random() AS h
  FROM generate_series(1, ${PROJETS}) g;

INSERT INTO "Projet" (id, "candidatId", "appellationCode", "romeCode", "romeVersion", metier, types, "certificationId",
  "diplomeIntitule", niveau, "dureeAnnees", "zoneRegion", departements, visible, "createdAt", "updatedAt")
SELECT 'bp' || r.g, 'bu' || r.g, ap.code, ap."romeCode", ap.version, ap.libelle,
  (CASE WHEN r.c < 0.5 THEN '{APPRENTISSAGE}' WHEN r.c < 0.65 THEN '{CONTRAT_PRO}'
        WHEN r.c < 0.9 THEN '{APPRENTISSAGE,CONTRAT_PRO}' ELSE '{STAGE_PRO}' END)::"TypeAlternance"[],
  ce.id, ce.intitule, ce.niveau, 1 + floor(r.d * 3)::int,
  r.e < 0.2,
  CASE WHEN r.e < 0.2 THEN '{}'::text[]
       WHEN r.d < 0.3 AND d1 <> d2 THEN ARRAY[d1, d2]
       ELSE ARRAY[d1] END,
  r.a >= 0.05,
  now() - r.h * interval '365 days', now() - r.h * interval '365 days'
FROM r
CROSS JOIN LATERAL (
  SELECT CASE WHEN r.f < 0.25 THEN '33' ELSE (ARRAY['16','17','19','23','24','33','40','47','64','79','86','87'])[1 + floor(r.f * 1000)::int % 12] END AS d1,
         (ARRAY['16','17','19','23','24','33','40','47','64','79','86','87'])[1 + floor(r.d * 1200)::int % 12] AS d2
) dep
JOIN apps ap ON ap.i = 1 + floor(r.b * (SELECT count(*) FROM apps))::int
JOIN app_certs ac ON ac.i = ap.i
JOIN certs ce ON ce.i = ac.certs[1 + floor(r.h * 1000)::int % cardinality(ac.certs)];

-- the searching staff member, with 200 favourites
INSERT INTO "User" (id, email, "passwordHash", role, prenom, nom, "updatedAt")
VALUES ('${STAFF_ID}', 'acteur@bench.test', 'bench', 'ACTEUR', 'Acteur', 'Bench', now());
INSERT INTO "Favori" (id, "userId", "projetId")
SELECT 'bf' || g, '${STAFF_ID}', 'bp' || (1 + (g * 499) % ${PROJETS}) FROM generate_series(1, 200) g;

-- the same expressions as lib/search.ts refreshProjetSearchText, for all rows at once
UPDATE "Projet" p SET ${PROJET_SEARCH_SET_SQL};
`;

// the steady state of a live database: the table compacted after the UPDATE that rewrote every
// row (it would otherwise be twice its size), the GIN indexes built whole (a fresh bulk load
// leaves pending lists to be scanned on every search), statistics up to date
const generate = (url: string) => generateData(url, GENERATE_SQL, 'VACUUM (FULL, ANALYZE)');

interface Measure {
  label: string;
  filters: ProfilsFilters;
  page: number;
  p50: number;
  p95: number;
  max: number;
  total: number;
}

async function measure(db: DbClient, label: string, filters: ProfilsFilters, page = 1): Promise<Measure> {
  const fn = () => searchProfilsWith(db, STAFF_ID, filters, page);
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    total = (await fn()).total;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { label, filters, page, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1)!), total };
}

/** The plan's nodes and their conditions (not the sort keys, output lists, workers…). */
async function explain(db: DbClient, query: Prisma.Sql): Promise<string[]> {
  const rows = await db.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
  return rows
    .map((r) => r['QUERY PLAN'])
    .filter((line) => /->|^\S|InitPlan|SubPlan|Index Cond|Recheck Cond|Filter:|Rows Removed|Heap Blocks|Buffers:|Join Filter|Hash Cond|Sort Method/.test(line));
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL est requis (une base PostgreSQL locale : le banc crée <nom>_bench_profils à côté).');
  assertLocalDatabase(url, "Le banc d'essai");
  const bench = benchUrl(url, '_bench_profils');
  console.log(`base du banc : ${bench.name} (${await ensureDatabase(url, bench.name)})`);

  const applied = await migrate(bench.url);
  console.log(`migrations : ${applied.applied.length} appliquée(s), ${applied.alreadyApplied} déjà en place`);
  const db = createPrismaClient(bench.url, { max: 4 });
  try {
    await importCurated(db);
    const [counted] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Projet"`;
    const n = counted?.n ?? 0;
    if (REGENERATE || n < PROJETS) await generate(bench.url);
    else console.log(`données réutilisées : ${n} projets (--regenerate pour les recréer)`);

    const [stats] = await db.$queryRaw<{ projets: number; cherchables: number; version: string; metiers: number; diplomes: number }[]>`
      SELECT (SELECT count(*)::int FROM "Projet") AS projets,
        (SELECT count(*)::int FROM "Projet" p JOIN "User" u ON u.id = p."candidatId" AND u.active WHERE p.visible) AS cherchables,
        (SELECT count(DISTINCT "appellationCode")::int FROM "Projet") AS metiers,
        (SELECT count(DISTINCT "certificationId")::int FROM "Projet") AS diplomes,
        current_setting('server_version') AS version`;
    console.log(
      `PostgreSQL ${stats!.version} — ${stats!.projets} projets (${stats!.metiers} métiers, ${stats!.diplomes} diplômes), dont ${stats!.cherchables} visibles de candidats actifs`,
    );

    const scenarios: [string, ProfilsFilters, number?][] = [
      ['métier « carreleur »', { q: 'carreleur' }],
      ['féminin, majuscules « CARRELEUSE »', { q: 'CARRELEUSE' }],
      ['faute de frappe « carleur »', { q: 'carleur' }],
      ['type de contrat « apprentissage » (3 projets sur 4)', { q: 'apprentissage' }],
      ['« contrat pro » + Gironde', { q: 'contrat pro', departement: '33' }],
      ['« boulanger » + apprentissage + niveau 3', { q: 'boulanger', type: 'APPRENTISSAGE', niveau: 3 }],
      ['« cap cuisine » (diplôme, deux mots)', { q: 'cap cuisine' }],
      ['aucun filtre (plus récents)', {}],
      ['filtres seuls : 64 + contrat pro + niveau 5', { departement: '64', type: 'CONTRAT_PRO', niveau: 5 }],
      ['« apprentissage », page 50', { q: 'apprentissage' }, 50],
    ];
    console.log(`\n${RUNS} mesures par scénario après ${WARMUP} d'échauffement (ms ; page + comptage en parallèle, comme la page)`);
    console.log(`${'scénario'.padEnd(52)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}   résultats`);
    const measures: Measure[] = [];
    const fmt = (x: number) => x.toFixed(1).padStart(7);
    for (const [label, filters, page] of scenarios) {
      const m = await measure(db, label, filters, page);
      measures.push(m);
      console.log(`${label.padEnd(52)} ${fmt(m.p50)} ${fmt(m.p95)} ${fmt(m.max)}   ${m.total}`);
    }

    const plans: { title: string; lines: string[] }[] = [];
    const plan = async (title: string, query: Prisma.Sql) => {
      const lines = await explain(db, query);
      plans.push({ title, lines });
      console.log(`\n${title}`);
      for (const line of lines) console.log(`  ${line}`);
    };
    await plan('EXPLAIN (ANALYZE, BUFFERS) — page, « carreleur »', pageQuery(STAFF_ID, { q: 'carreleur' }, 1));
    await plan('EXPLAIN (ANALYZE, BUFFERS) — comptage, « carreleur »', countQuery({ q: 'carreleur' }));
    // no full-text match: the search runs again with near matches
    await plan('EXPLAIN (ANALYZE, BUFFERS) — page, « carleur » (faute de frappe : correspondances proches)', pageQuery(STAFF_ID, { q: 'carleur' }, 1, 'near'));
    await plan('EXPLAIN (ANALYZE, BUFFERS) — comptage, « carleur » (correspondances proches)', countQuery({ q: 'carleur' }, 'near'));
    await plan('EXPLAIN (ANALYZE, BUFFERS) — page, « apprentissage »', pageQuery(STAFF_ID, { q: 'apprentissage' }, 1));
    await plan('EXPLAIN (ANALYZE, BUFFERS) — page, aucun filtre', pageQuery(STAFF_ID, {}, 1));

    await mkdir(RESULTS_DIR, { recursive: true });
    const result = { date: new Date().toISOString(), postgres: stats!.version, data: stats, runs: RUNS, warmup: WARMUP, measures, plans };
    await writeFile(path.join(RESULTS_DIR, 'profils-search.json'), `${JSON.stringify(result, null, 2)}\n`);
    const md = [
      '# Recherche de profils — banc d’essai',
      '',
      `${result.date} — PostgreSQL ${stats!.version} — ${stats!.projets} projets (${stats!.metiers} métiers, ${stats!.diplomes} diplômes du référentiel), dont ${stats!.cherchables} visibles de candidats actifs.`,
      `Chaque scénario : ${WARMUP} exécutions d’échauffement puis ${RUNS} mesures de \`searchProfilsWith\` (la page de 20 et le comptage, en parallèle, comme la page). Généré par \`npm run bench:profils\`.`,
      '',
      '| Scénario | p50 (ms) | p95 (ms) | max (ms) | Résultats |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...measures.map((m) => `| ${m.label} | ${m.p50} | ${m.p95} | ${m.max} | ${m.total} |`),
      '',
      ...plans.flatMap((p) => [`## ${p.title}`, '', '```', ...p.lines, '```', '']),
    ].join('\n');
    await writeFile(path.join(RESULTS_DIR, 'profils-search.md'), md);
    console.log(`\nrésultats : ${path.relative(process.cwd(), RESULTS_DIR)}/profils-search.{json,md}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
