/**
 * `npm run bench [-- --quick] [-- --no-build] [-- --dist .next-bench] [-- --reseed]`
 *
 * The benchmark suite at regional scale, against the production build (`next start`) and the
 * PostgreSQL database of `npm run bench:seed` (`<DATABASE_URL's name>_bench`, generated at scale 1
 * — 0.01 with --quick — when it holds no data yet):
 *
 *  1. a probe server (QUERY_LOG_FILE) answers each scenario once: the SQL each page issued is
 *     counted and EXPLAIN (ANALYZE, BUFFERS)-ed (p95 of 10 runs, main plan nodes, sequential scans
 *     of large tables flagged), and the JavaScript files each page loads are gzipped and weighed;
 *  2. a clean server takes the load: autocannon in another process, 16 connections, 5 s warm-up
 *     then 20 s per scenario (--quick: 1 s then 2 s), signed-in scenarios with real session
 *     cookies, and the ceiling — the app's trivial route /api/health — in the same run.
 *
 * Writes bench/results/bench-<date>.json and .md (--quick: bench/results/quick.json and .md) and
 * prints the Markdown table. Budgets are reported (✅/❌), never asserted: timings are not tests.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { explainQueries, mainNodes, type ExplainedQuery } from './explain';
import { BENCH_ACCOUNTS, BENCH_PASSWORD } from './generator';
import { benchUrl, ensureDatabase } from './lib';
import type { LoadResult, LoadSpec } from './load';
import { seedBench } from './seed';
import { isTransactionControl, queriesDuring, ROOT, serverActionId, signIn, startServer } from './server';
import { assertLocalDatabase } from '@/lib/db-tools/local-guard';

export const BUDGETS = {
  sqlSearchP95: 25,
  sqlDashboardTotal: 30,
  httpP95: 250,
  ceilingRatio: 0.35,
  jsPublicKb: 150,
  jsStaffKb: 220,
} as const;

export interface ScenarioReport {
  id: string;
  label: string;
  method: 'GET' | 'POST';
  path: string;
  kind: 'ceiling' | 'public' | 'staff' | 'action';
  load: LoadResult;
  ratioToCeiling: number;
  queries: number;
  sqlTotalP95: number;
  /** searches: the slowest of the search's own statements (page, count) */
  searchSqlP95?: number;
  slowest?: { sql: string; p95: number; plan: string };
  seqScansOnLargeTables: string[];
  jsKbGzip?: number;
  budgets: Record<string, boolean>;
}

export interface BenchReport {
  date: string;
  quick: boolean;
  machine: { cpus: number; model: string; memoryGb: number; node: string; postgres: string };
  data: Record<string, number>;
  settings: { connections: number; warmupSeconds: number; seconds: number; explainRuns: number; requestsPerScenario: number | null };
  scenarios: ScenarioReport[];
  explain: Record<string, ExplainedQuery[]>;
}

interface Scenario {
  id: string;
  label: string;
  kind: ScenarioReport['kind'];
  path: string;
  method?: 'GET' | 'POST';
  as?: 'gestionnaire';
  body?: string;
  headers?: Record<string, string>;
  /** the search's own statements (page and count), which the 25 ms budget is about */
  search?: RegExp;
  dashboard?: boolean;
}

const args = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    dist: { type: 'string', default: '.next-bench' },
    reseed: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    port: { type: 'string', default: '3900' },
  },
}).values;

const QUICK = args.quick!;
const SETTINGS = { connections: 16, warmupSeconds: QUICK ? 1 : 5, seconds: QUICK ? 2 : 20, explainRuns: QUICK ? 1 : 10, requestsPerScenario: QUICK ? 48 : null };
const DIST = args.dist!;
const PORT = Number(args.port);

function log(line: string) {
  console.log(`[bench] ${line}`);
}

async function prepareData(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const hasData = await client
    .query(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [BENCH_ACCOUNTS.gestionnaire])
    .then((r) => r.rows[0].n > 0)
    .catch(() => false);
  await client.end();
  if (!hasData || args.reseed) {
    log(`génération des données (échelle ${QUICK ? 0.01 : 1})…`);
    await seedBench({ url, scale: QUICK ? 0.01 : 1, seed: Number(args.seed), log });
  }
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const data: Record<string, number> = {};
    for (const t of ['Structure', 'Membership', 'Employeur', 'Offre', 'Projet', 'Candidature', 'Favori', 'Alerte']) {
      data[t] = (await c.query(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n;
    }
    data.candidats = (await c.query(`SELECT count(*)::int AS n FROM "User" WHERE role = 'CANDIDAT'`)).rows[0].n;
    return data;
  } finally {
    await c.end();
  }
}

/** The pages' parameters, read from the generated data (the benchmark structure is n°1). */
async function scenarios(url: string): Promise<Scenario[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const one = async (sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows[0];
    const gestionnaire = await one(`SELECT u.id, m."structureId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE u.email = $1`, [BENCH_ACCOUNTS.gestionnaire]);
    // the most common métier among open offers in Gironde: a keyword people really type
    const { mot } = await one(
      `SELECT split_part(lower(unaccent(metier)), ' ', 1) AS mot FROM "Offre" WHERE status = 'EN_COURS' AND "departementCode" = '33'
       GROUP BY 1 HAVING length(split_part(lower(unaccent(metier)), ' ', 1)) > 3 ORDER BY count(*) DESC LIMIT 1`,
    );
    const { motProfil } = await one(
      `SELECT split_part(lower(unaccent(metier)), ' ', 1) AS "motProfil" FROM "Projet" WHERE visible
       GROUP BY 1 HAVING length(split_part(lower(unaccent(metier)), ' ', 1)) > 3 ORDER BY count(*) DESC LIMIT 1`,
    );
    const offre = await one(`SELECT numero FROM "Offre" WHERE status = 'EN_COURS' AND "structureId" <> $1 ORDER BY numero LIMIT 1`, [gestionnaire.structureId]);
    const candidature = await one(
      `SELECT k.numero FROM "Candidature" k JOIN "Offre" o ON o.id = k."offreId" WHERE o."structureId" = $1 AND k.status = 'A_TRAITER' ORDER BY k.numero LIMIT 1`,
      [gestionnaire.structureId],
    );
    const employeur = await one(`SELECT "employeurId" AS id FROM "StructureEmployeur" WHERE "structureId" = $1 AND status = 'VALIDE' LIMIT 1`, [gestionnaire.structureId]);
    const appellation = await one(`SELECT "appellationCode" AS code FROM "Offre" WHERE "structureId" = $1 LIMIT 1`, [gestionnaire.structureId]);
    const cert = await one(`SELECT id, intitule, niveau FROM "Certification" WHERE active AND niveau = 3 ORDER BY id LIMIT 1`);
    const dateEmbauche = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const creation = [
      {
        types: ['APPRENTISSAGE'],
        employeurId: employeur.id,
        appellationCode: appellation.code,
        description: 'Offre créée par le benchmark.',
        adresse: '1 rue du Benchmark',
        complementAdresse: '',
        codePostal: '',
        communeInsee: '',
        dateEmbauche,
        dureeMois: '24',
        referentId: gestionnaire.id,
        nombrePostes: '1',
        diplomes: [{ certificationId: cert.id, intitule: cert.intitule, niveau: cert.niveau }],
      },
    ];
    return [
      { id: 'plafond', label: 'Plafond : route triviale /api/health', kind: 'ceiling', path: '/api/health' },
      { id: 'offres-recherche', label: `1. Recherche d'offres « ${mot} » + Gironde + apprentissage`, kind: 'public', path: `/offres?q=${encodeURIComponent(mot)}&departement=33&type=APPRENTISSAGE`, search: /"searchText" LIKE/ },
      { id: 'offre-page', label: `2. Page d'une offre (n°${offre.numero})`, kind: 'public', path: `/offres/${offre.numero}` },
      { id: 'tableau-de-bord', label: '3. Tableau de bord (structure de 500 offres, 5 000 candidatures)', kind: 'staff', path: '/mon-espace', as: 'gestionnaire', dashboard: true },
      { id: 'profils-recherche', label: `4. Recherche de profils « ${motProfil} » + Gironde + apprentissage`, kind: 'staff', path: `/mon-espace/profils?q=${encodeURIComponent(motProfil)}&departement=33&type=APPRENTISSAGE`, as: 'gestionnaire', search: /"searchVector" @@/ },
      { id: 'candidatures-a-traiter', label: '5. Candidatures, onglet « À traiter »', kind: 'staff', path: '/mon-espace/candidatures?onglet=a-traiter', as: 'gestionnaire' },
      { id: 'candidature-detail', label: `6. Détail d'une candidature (n°${candidature.numero})`, kind: 'staff', path: `/mon-espace/candidatures/${candidature.numero}`, as: 'gestionnaire' },
      {
        id: 'creer-offre',
        label: '7. Créer une offre (action serveur, POST)',
        kind: 'action',
        method: 'POST',
        path: '/mes-offres/nouvelle',
        as: 'gestionnaire',
        body: JSON.stringify(creation),
        headers: { 'Next-Action': serverActionId(DIST, 'lib/actions/offres.ts', 'createOffreAction'), 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
      },
    ];
  } finally {
    await c.end();
  }
}

function request(base: string, s: Scenario, cookie: string | undefined) {
  return fetch(`${base}${s.path}`, {
    method: s.method ?? 'GET',
    headers: { ...(s.headers ?? {}), ...(cookie && s.as ? { cookie } : {}), origin: base },
    body: s.body,
    redirect: 'manual',
  });
}

/**
 * Gzipped weight of the JavaScript files a page's HTML loads (what the browser downloads first).
 * `nomodule` scripts (Next's legacy polyfills) are left out: browsers that run modules skip them.
 */
function jsKbGzip(html: string): number {
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((t) => !/\bnomodule\b/i.test(t));
  const files = new Set(tags.map((t) => /src="\/_next\/([^"?]+)/.exec(t)?.[1]).filter((f): f is string => !!f));
  let bytes = 0;
  for (const f of files) {
    const file = path.resolve(ROOT, DIST, decodeURIComponent(f));
    if (existsSync(file)) bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return Number((bytes / 1024).toFixed(1));
}

function searchSqlP95(explained: ExplainedQuery[], pattern: RegExp): number {
  return Math.max(0, ...explained.filter((q) => pattern.test(q.sql)).map((q) => q.p95));
}

function loadIn(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/load.ts'), JSON.stringify(spec)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`autocannon : code ${code}`))));
  });
}

const fmt = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
const ok = (b: boolean | undefined) => (b === undefined ? '' : b ? '✅' : '❌');

export function markdown(r: BenchReport): string {
  const lines = [
    `# Benchmark CMonAlternance — ${r.date}${r.quick ? ' (--quick : chiffres non significatifs)' : ''}`,
    '',
    `Machine : ${r.machine.cpus} cœurs (${r.machine.model}), ${r.machine.memoryGb} Go, Node ${r.machine.node}, ${r.machine.postgres}.`,
    `Données : ${Object.entries(r.data).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}.`,
    `Charge : autocannon, ${r.settings.connections} connexions, ${r.settings.requestsPerScenario ? `${r.settings.requestsPerScenario} requêtes après autant de chauffe` : `${r.settings.warmupSeconds} s de chauffe puis ${r.settings.seconds} s`} par scénario ; SQL : EXPLAIN (ANALYZE, BUFFERS), p95 de ${r.settings.explainRuns} exécutions.`,
    '',
    '| Scénario | req/s | p50 ms | p95 ms | p99 ms | % plafond | requêtes SQL | SQL p95 cumulé ms | SQL recherche p95 ms | JS gzip ko | budgets |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...r.scenarios.map(
      (s) =>
        `| ${s.label} | ${fmt(s.load.rps)} | ${fmt(s.load.p50)} | ${fmt(s.load.p95)} | ${fmt(s.load.p99)} | ${s.kind === 'ceiling' ? '100 %' : `${fmt(s.ratioToCeiling * 100)} %`} | ${s.queries} | ${fmt(s.sqlTotalP95)} | ${s.searchSqlP95 === undefined ? '—' : fmt(s.searchSqlP95)} | ${s.jsKbGzip === undefined ? '—' : fmt(s.jsKbGzip)} | ${Object.entries(s.budgets).map(([k, v]) => `${k} ${ok(v)}`).join(', ')} |`,
    ),
    '',
    '## Plans (requête la plus lente de chaque scénario)',
    '',
    ...r.scenarios
      .filter((s) => s.slowest)
      .flatMap((s) => [`- **${s.label}** — ${fmt(s.slowest!.p95)} ms p95 : ${s.slowest!.plan}${s.seqScansOnLargeTables.length ? ` — ⚠️ parcours séquentiel de ${s.seqScansOnLargeTables.join(', ')}` : ''}`]),
    '',
    '## Plans des recherches (page et total)',
    '',
    ...r.scenarios
      .filter((s) => s.searchSqlP95 !== undefined)
      .flatMap((s) =>
        (r.explain[s.id] ?? [])
          .filter((q) => /"searchText" LIKE|"searchVector" @@/.test(q.sql))
          .map((q) => `- **${s.label}** — ${/count\(\*\)/i.test(q.sql) ? 'total' : 'page'} ${fmt(q.p95)} ms p95 (p50 ${fmt(q.p50)}) : ${mainNodes(q, 9)}`),
      ),
    '',
  ];
  return lines.join('\n');
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL doit désigner un serveur PostgreSQL local.');
  assertLocalDatabase(process.env.DATABASE_URL, 'bench');
  const { url, name } = benchUrl(process.env.DATABASE_URL, '_bench');
  await ensureDatabase(process.env.DATABASE_URL, name);
  const data = await prepareData(url);
  if (!args['no-build']) {
    log(`next build → ${DIST}…`);
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], { cwd: ROOT, env: { ...process.env, NEXT_DIST_DIR: DIST }, stdio: 'inherit' });
  }
  const list = await scenarios(url);

  // 1. probe: SQL per page, EXPLAIN, JavaScript weight
  const queryLog = path.join(os.tmpdir(), `cma-bench-queries-${process.pid}.jsonl`);
  const probe = await startServer({ dist: DIST, port: PORT + 1, databaseUrl: url, queryLog });
  const explain: Record<string, ExplainedQuery[]> = {};
  const probed: Record<string, { queries: number; js?: number }> = {};
  try {
    const cookie = await signIn(probe.url, BENCH_ACCOUNTS.gestionnaire, BENCH_PASSWORD);
    for (const s of list) {
      await (await request(probe.url, s, cookie)).arrayBuffer(); // warm the server's code paths
      let html = '';
      const queries = await queriesDuring(queryLog, async () => {
        const res = await request(probe.url, s, cookie);
        if (res.status >= 500) throw new Error(`${s.path} : HTTP ${res.status}`);
        html = await res.text();
      });
      const own = queries.filter((q) => !isTransactionControl(q.query));
      explain[s.id] = await explainQueries(url, own, SETTINGS.explainRuns);
      probed[s.id] = { queries: own.length, js: s.kind === 'public' || s.kind === 'staff' ? jsKbGzip(html) : undefined };
      log(`${s.id} : ${own.length} requêtes SQL`);
    }
  } finally {
    await probe.stop();
    rmSync(queryLog, { force: true });
  }

  // 2. load
  const server = await startServer({ dist: DIST, port: PORT, databaseUrl: url });
  const results: ScenarioReport[] = [];
  try {
    const cookie = await signIn(server.url, BENCH_ACCOUNTS.gestionnaire, BENCH_PASSWORD);
    let ceiling = 0;
    for (const s of list) {
      log(`charge : ${s.label}…`);
      const load = await loadIn({
        url: `${server.url}${s.path}`,
        method: s.method ?? 'GET',
        headers: { ...(s.headers ?? {}), ...(s.as ? { cookie } : {}), origin: server.url },
        body: s.body,
        connections: SETTINGS.connections,
        warmupSeconds: SETTINGS.warmupSeconds,
        seconds: SETTINGS.seconds,
        amount: QUICK ? 48 : undefined,
      });
      if (s.kind === 'ceiling') ceiling = load.rps;
      const ex = explain[s.id] ?? [];
      const slowest = [...ex].sort((a, b) => b.p95 - a.p95)[0];
      const sqlTotalP95 = Number(ex.reduce((t, q) => t + q.p95, 0).toFixed(2));
      const ratio = ceiling ? Number((load.rps / ceiling).toFixed(3)) : 0;
      const budgets: Record<string, boolean> = {};
      if (s.kind !== 'ceiling') {
        budgets['HTTP p95'] = load.p95 <= BUDGETS.httpP95;
        budgets['≥ 35 % plafond'] = ratio >= BUDGETS.ceilingRatio;
        if (s.search) budgets['SQL ≤ 25 ms'] = searchSqlP95(ex, s.search) <= BUDGETS.sqlSearchP95;
        if (s.dashboard) budgets['SQL ≤ 30 ms'] = sqlTotalP95 <= BUDGETS.sqlDashboardTotal;
        budgets['sans seq scan'] = ex.every((q) => q.seqScansOnLargeTables.length === 0);
        const js = probed[s.id]?.js;
        if (js !== undefined) budgets[`JS ≤ ${s.kind === 'public' ? BUDGETS.jsPublicKb : BUDGETS.jsStaffKb} ko`] = js <= (s.kind === 'public' ? BUDGETS.jsPublicKb : BUDGETS.jsStaffKb);
      }
      results.push({
        id: s.id,
        label: s.label,
        method: s.method ?? 'GET',
        path: s.path,
        kind: s.kind,
        load,
        ratioToCeiling: s.kind === 'ceiling' ? 1 : ratio,
        queries: probed[s.id]?.queries ?? 0,
        sqlTotalP95,
        searchSqlP95: s.search ? searchSqlP95(ex, s.search) : undefined,
        slowest: slowest && { sql: slowest.sql, p95: slowest.p95, plan: mainNodes(slowest) },
        seqScansOnLargeTables: [...new Set(ex.flatMap((q) => q.seqScansOnLargeTables))],
        jsKbGzip: probed[s.id]?.js,
        budgets,
      });
    }
  } finally {
    await server.stop();
  }

  const pgVersion = await (async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const v = (await c.query('SHOW server_version')).rows[0].server_version as string;
    await c.end();
    return `PostgreSQL ${v}`;
  })();
  const report: BenchReport = {
    date: new Date().toISOString(),
    quick: QUICK,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '?', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: pgVersion },
    data,
    settings: SETTINGS,
    scenarios: results,
    explain,
  };
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const base = QUICK ? 'quick' : `bench-${report.date.slice(0, 16).replace(/[:T]/g, '-')}`;
  writeFileSync(path.join(dir, `${base}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const md = markdown(report);
  writeFileSync(path.join(dir, `${base}.md`), md);
  console.log(md);
  log(`rapport : bench/results/${base}.json et .md`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
