/**
 * Bench of the public offer search (/offres) on 10,000 generated offers.
 *
 * Usage (no npm script needed):
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:55432/cma npx tsx bench/offres-publiques.ts [--regenerate] [--runs=30]
 *
 * - Refuses a DATABASE_URL that is not on this machine (lib/db-tools/local-guard.ts).
 * - Never writes to that database: it creates (or reuses) `<name>_bench` on the same server,
 *   migrates it (lib/db-tools/migrate.ts), imports the referentials (importCurated) and, when it
 *   holds fewer than 10,000 offers (or with --regenerate), generates them in a few set-based
 *   statements: 120 structures (10 per département, 3 % inactive), 1,500 employers with their
 *   links (90 % validated, 6 % pending, 4 % refused), 10,000 offers (ROME appellations, communes
 *   of the 12 départements — 30 % in the 30 most populated —, 80 % « En cours », 12 % pourvues,
 *   8 % archivées, 1–2 diplômes), then one UPDATE fills Offre.searchText as lib/search.ts does.
 * - Measures the site's own functions (lib/offres-publiques-query.ts, used by
 *   lib/data/offres-publiques.ts): each scenario 5 warm-up runs then N runs (default 30), p50 / p95
 *   / max in ms, then the main nodes of EXPLAIN (ANALYZE, BUFFERS) of the keyword + filters query.
 */
import { performance } from 'node:perf_hooks';
import { benchArgs, benchUrl, ensureDatabase, generateData, percentile } from './lib';
import { assertLocalDatabase } from '@/lib/db-tools/local-guard';
import { migrate } from '@/lib/db-tools/migrate';
import { Prisma } from '@/lib/generated/prisma/client';
import {
  countQuery,
  offrePubliqueWith,
  optionsQuery,
  pageQuery,
  searchOffresPubliquesWith,
  searchOptionsWith,
  statutOffrePubliqueWith,
  type OffresPubliquesFilters,
} from '@/lib/offres-publiques-query';
import { createPrismaClient, type DbClient } from '@/lib/prisma-client';
import { importCurated } from '@/lib/referentiels/import';
import { EMPLOYEUR_SEARCH_SET_SQL, OFFRE_SEARCH_SET_SQL } from '@/lib/search';

const OFFRES = 10_000;
const STRUCTURES = 120;
const EMPLOYEURS = 1_500;
const WARMUP = 5;

const { runs: RUNS, regenerate: REGENERATE } = benchArgs();

/** The whole data set, set-based: a handful of statements in one transaction. */
const GENERATE_SQL = `
SELECT setseed(0.42);
TRUNCATE "Structure", "Employeur" CASCADE;

CREATE TEMP TABLE deps ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY code) AS i, code FROM "Departement" WHERE "regionCode" = '75';
CREATE TEMP TABLE communes ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY code) AS i, code, nom, "departementCode" AS dep, "codesPostaux"[1] AS cp,
         rank() OVER (ORDER BY population DESC NULLS LAST, code) AS rang
  FROM "Commune" WHERE "departementCode" IN (SELECT code FROM deps);
CREATE TEMP TABLE apps ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY code) AS i, code, libelle, "romeCode", version FROM "RomeAppellation";
CREATE TEMP TABLE certs ON COMMIT DROP AS
  SELECT row_number() OVER (ORDER BY id) AS i, id, intitule, niveau FROM "Certification" WHERE niveau BETWEEN 3 AND 8;

-- 10 structures per département, in one of its communes
INSERT INTO "Structure" (id, siret, siren, "raisonSociale", type, adresse, "codePostal", "communeInsee", commune,
  "departementCode", email, telephone, active, "completedAt", "updatedAt")
SELECT 'bs' || g, s.siret, left(s.siret, 9), 'CFA bench ' || g, 'CFA'::"StructureType", g || ' rue des Écoles', coalesce(c.cp, '00000'), c.code, c.nom,
  c.dep, 'contact' || g || '@structure.bench', '05' || lpad(g::text, 8, '0'), g % 33 <> 0, now(), now()
FROM generate_series(1, ${STRUCTURES}) g
CROSS JOIN LATERAL (SELECT '8' || lpad(g::text, 13, '0') AS siret) s
CROSS JOIN LATERAL (
  SELECT cm.* FROM communes cm JOIN deps d ON d.code = cm.dep
  WHERE d.i = 1 + (g - 1) % 12 ORDER BY md5(cm.code || g) LIMIT 1
) c;

INSERT INTO "Employeur" (id, siret, siren, "raisonSociale", "codeNaf", "domaineActivite", email, telephone, adresse, "updatedAt")
SELECT 'be' || g, e.siret, left(e.siret, 9),
  (ARRAY['Ateliers','Boulangerie','Garage','Menuiserie','Cabinet','Société','Établissements','Maison','Salon','Hôtel'])[1 + g % 10]
    || ' ' || (ARRAY['Dupont','Martin','du Centre','de l''Atlantique','Aquitaine','des Landes','du Périgord','Béarnaise','Limousine','Charentaise','Poitevine','Océane'])[1 + (g / 10) % 12]
    || ' ' || g,
  (ARRAY['43.33Z','10.71C','45.20A','43.32A','69.20Z','47.11B','56.10A','96.02A','55.10Z','86.23Z'])[1 + g % 10],
  (ARRAY['F','C','G','F','M','G','I','S','I','Q'])[1 + g % 10],
  'recrutement' || g || '@employeur.bench', '05' || lpad((g + 50000000)::text, 8, '0'), g || ' avenue des Entreprises', now()
FROM generate_series(1, ${EMPLOYEURS}) g
CROSS JOIN LATERAL (SELECT '7' || lpad(g::text, 13, '0') AS siret) e;

-- employer g works with structure 1 + (g - 1) % ${STRUCTURES}
INSERT INTO "StructureEmployeur" (id, "structureId", "employeurId", status, "decidedAt")
SELECT 'bl' || g, 'bs' || (1 + (g - 1) % ${STRUCTURES}), 'be' || g,
  (CASE WHEN g % 50 < 45 THEN 'VALIDE' WHEN g % 50 < 48 THEN 'EN_ATTENTE' ELSE 'REFUSE' END)::"LienEmployeurStatus", now()
FROM generate_series(1, ${EMPLOYEURS}) g;

-- one row of random draws per offer, and the appellation / commune each one picks
CREATE TEMP TABLE r ON COMMIT DROP AS
  WITH n AS (
    SELECT (SELECT count(*) FROM communes)::int AS nc, (SELECT count(*) FROM apps)::int AS na,
      (SELECT array_agg(i ORDER BY rang) FROM communes WHERE rang <= 30) AS top
  )
  SELECT s.*, 1 + (s.b * n.na)::int % n.na AS app_i,
    CASE WHEN s.e < 0.3 THEN n.top[1 + (s.f * 30)::int % 30] ELSE 1 + (s.f * n.nc)::int % n.nc END AS commune_i
  FROM (
    SELECT g, random() AS a, random() AS b, random() AS c, random() AS d, random() AS e, random() AS f, random() AS h
    FROM generate_series(1, ${OFFRES}) g
  ) s, n;

INSERT INTO "Offre" (id, "structureId", "employeurId", types, "appellationCode", "romeCode", "romeVersion", metier, description,
  adresse, "codePostal", "communeInsee", commune, "departementCode", "dateEmbauche", "dureeMois", "nombrePostes", status,
  "publishedAt", "pourvueAt", "archivedAt", "createdAt", "updatedAt")
SELECT 'bo' || r.g, 'bs' || (1 + (emp - 1) % ${STRUCTURES}), 'be' || emp,
  (CASE WHEN r.c < 0.5 THEN '{APPRENTISSAGE}' WHEN r.c < 0.65 THEN '{CONTRAT_PRO}'
        WHEN r.c < 0.9 THEN '{APPRENTISSAGE,CONTRAT_PRO}' ELSE '{STAGE_PRO}' END)::"TypeAlternance"[],
  ap.code, ap."romeCode", ap.version, ap.libelle,
  'Au sein de notre équipe, vous apprendrez le métier de ' || lower(ap.libelle) || '. '
    || (ARRAY['Travail en atelier et sur chantiers.', 'Accueil de la clientèle et conseil.', 'Horaires de journée, du lundi au vendredi.',
              'Tuteur expérimenté, équipe de dix personnes.', 'Permis B apprécié, véhicule de service.'])[1 + r.g % 5]
    || CASE WHEN r.g % 2500 = 0 THEN ' Initiation au zellige.' ELSE '' END,
  r.g || ' rue de la Gare', coalesce(cm.cp, '00000'), cm.code, cm.nom, cm.dep,
  current_date + (r.d * 240)::int, (ARRAY[6, 12, 24, 36])[1 + (r.e * 4)::int % 4], 1 + (r.f < 0.1)::int,
  (CASE WHEN r.a < 0.8 THEN 'EN_COURS' WHEN r.a < 0.92 THEN 'POURVUE' ELSE 'ARCHIVEE' END)::"OffreStatus",
  pub, CASE WHEN r.a >= 0.8 AND r.a < 0.92 THEN pub + interval '20 days' END, CASE WHEN r.a >= 0.92 THEN pub + interval '170 days' END,
  pub, pub
FROM r
CROSS JOIN LATERAL (SELECT 1 + (r.g * 37) % ${EMPLOYEURS} AS emp, now() - r.h * interval '180 days' AS pub) x
JOIN apps ap ON ap.i = r.app_i
JOIN communes cm ON cm.i = r.commune_i;

-- 1 diplôme, and a second one for 40 % of the offers
INSERT INTO "OffreDiplome" (id, "offreId", "certificationId", intitule, niveau)
SELECT 'bd' || r.g || '_' || k, 'bo' || r.g, ce.id, ce.intitule, ce.niveau
FROM r
CROSS JOIN LATERAL (VALUES (1), (2)) v(k)
JOIN certs ce ON ce.i = 1 + ((r.b * 1000)::int + (k - 1) * 7) % (SELECT count(*) FROM certs)
WHERE k = 1 OR r.d < 0.4
ON CONFLICT DO NOTHING;

-- the same expressions as lib/search.ts, for all rows at once
UPDATE "Employeur" e SET ${EMPLOYEUR_SEARCH_SET_SQL};
UPDATE "Offre" o SET ${OFFRE_SEARCH_SET_SQL};
`;

// the steady state of a live database: dead tuples of the searchText UPDATE removed, the GIN
// indexes' pending lists merged (a fresh bulk load leaves them to be scanned on every search)
const generate = (url: string) => generateData(url, GENERATE_SQL, 'VACUUM (ANALYZE)');

async function measure(label: string, fn: () => Promise<unknown>): Promise<string> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    result = await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const total = (result as { total?: number } | null)?.total;
  const fmt = (n: number) => n.toFixed(1).padStart(7);
  return `${label.padEnd(58)} ${fmt(percentile(times, 50))} ${fmt(percentile(times, 95))} ${fmt(times.at(-1)!)}   ${total ?? ''}`;
}

/** The plan's nodes and their conditions (not the sort keys, output lists, workers…). */
async function explain(db: DbClient, title: string, query: Prisma.Sql) {
  const rows = await db.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
  console.log(`\n${title}`);
  for (const { 'QUERY PLAN': line } of rows) {
    if (/->|^\S|Index Cond|Recheck Cond|Filter:|Rows Removed|Heap Blocks|Buffers:|Join Filter|Hash Cond/.test(line)) {
      console.log(`  ${line}`);
    }
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL est requis (une base PostgreSQL locale : le banc crée <nom>_bench à côté).');
  assertLocalDatabase(url, "Le banc d'essai");
  const bench = benchUrl(url, '_bench');
  console.log(`base du banc : ${bench.name} (${await ensureDatabase(url, bench.name)})`);

  const applied = await migrate(bench.url);
  console.log(`migrations : ${applied.applied.length} appliquée(s), ${applied.alreadyApplied} déjà en place`);
  const db = createPrismaClient(bench.url, { max: 4 });
  try {
    await importCurated(db);
    const [counted] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Offre"`;
    const n = counted?.n ?? 0;
    if (REGENERATE || n < OFFRES) await generate(bench.url);
    else console.log(`données réutilisées : ${n} offres (--regenerate pour les recréer)`);

    const [stats] = await db.$queryRaw<{ offres: number; publiques: number; version: string }[]>`
      SELECT (SELECT count(*)::int FROM "Offre") AS offres,
        (SELECT count(*)::int FROM "Offre" o JOIN "Structure" s ON s.id = o."structureId" AND s.active
          JOIN "StructureEmployeur" se ON se."structureId" = o."structureId" AND se."employeurId" = o."employeurId" AND se.status = 'VALIDE'
          WHERE o.status = 'EN_COURS') AS publiques,
        current_setting('server_version') AS version`;
    console.log(`PostgreSQL ${stats!.version} — ${stats!.offres} offres dont ${stats!.publiques} publiques en cours`);

    const [bordeaux] = await db.$queryRaw<{ code: string }[]>`
      SELECT "communeInsee" AS code FROM "Offre" WHERE "departementCode" = '33' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
    const [sample] = await db.$queryRaw<{ numero: number }[]>`SELECT numero FROM "Offre" WHERE status = 'EN_COURS' ORDER BY numero LIMIT 1 OFFSET 500`;

    const scenarios: [string, OffresPubliquesFilters][] = [
      ['mot-clé seul « vendeur »', { q: 'vendeur' }],
      ['mot-clé + département + type « coiffeur », 33, apprentissage', { q: 'coiffeur', departement: '33', types: ['APPRENTISSAGE'] }],
      ['deux mots accentués « pâtissier bordeaux »', { q: 'pâtissier bordeaux' }],
      ['filtres seuls : 64 + contrat pro + niveau 4', { departement: '64', types: ['CONTRAT_PRO'], niveau: 4 }],
      ['filtres seuls : commune la plus fournie de Gironde', { departement: '33', commune: bordeaux?.code }],
      ['aucun filtre', {}],
      ['mot-clé rare « zellige »', { q: 'zellige' }],
      ['aucun filtre, page 5', { page: 5 }],
    ];
    console.log(`\n${RUNS} mesures par scénario après ${WARMUP} d'échauffement (ms ; page + comptage en parallèle, comme le site)`);
    console.log(`${'scénario'.padEnd(58)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}   résultats`);
    for (const [label, filters] of scenarios) console.log(await measure(label, () => searchOffresPubliquesWith(db, filters)));
    console.log(await measure('options du formulaire (départements + communes du 33)', () => searchOptionsWith(db, '33')));
    console.log(await measure('page d’une offre (détail)', () => offrePubliqueWith(db, sample!.numero)));
    console.log(await measure('statut d’une offre (proxy, 410)', () => statutOffrePubliqueWith(db, sample!.numero)));

    const filters: OffresPubliquesFilters = { q: 'coiffeur', departement: '33', types: ['APPRENTISSAGE'] };
    await explain(db, 'EXPLAIN (ANALYZE, BUFFERS) — page, mot-clé + département + type', pageQuery(filters, 1));
    await explain(db, 'EXPLAIN (ANALYZE, BUFFERS) — comptage, mot-clé + département + type', countQuery(filters));
    await explain(db, 'EXPLAIN (ANALYZE, BUFFERS) — page, aucun filtre, page 5', pageQuery({}, 5));
    await explain(db, 'EXPLAIN (ANALYZE, BUFFERS) — options du formulaire', optionsQuery('33'));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
