/**
 * `npm test`: the whole suite — unit, integration against a real PostgreSQL, end-to-end in Chromium.
 *   - database: DATABASE_URL (a local server: a fresh database `<name>_test` is created on it),
 *     otherwise an in-memory embedded PGlite;
 *   - browser: CHROMIUM_PATH (default /usr/bin/chromium).
 * Flags: --unit (unit + integration only), --e2e (end-to-end only), -- <extra args for playwright>.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/lib/db-tools/embedded';
import { assertLocalDatabase } from '@/lib/db-tools/local-guard';
import { migrate } from '@/lib/db-tools/migrate';
import { createPrismaClient } from '@/lib/prisma-client';
import { seedDemo } from '@/prisma/seed';

const args = process.argv.slice(2);
const onlyUnit = args.includes('--unit');
const onlyE2e = args.includes('--e2e');
const passthrough = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];
const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(ROOT, 'test-results');

function run(cmd: string, cmdArgs: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env }, cwd: ROOT });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function prepareDatabase(): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const embedded = await startEmbeddedDatabase({ dataDir: 'memory://' });
    console.log(`▶ base de test : PGlite en mémoire (port ${embedded.port})`);
    return { url: embedded.url, embedded };
  }
  assertLocalDatabase(base, 'La suite de tests');
  const parsed = new URL(base);
  const name = `${parsed.pathname.replace(/^\//, '') || 'postgres'}_test`.replace(/[^a-zA-Z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  parsed.pathname = `/${name}`;
  console.log(`▶ base de test : ${name} (recréée)`);
  return { url: parsed.toString() };
}

/** Empties the test database (it is always a local, throw-away one) and migrates it again. */
async function resetSchema(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
  await migrate(url);
}

async function seed(url: string) {
  const db = createPrismaClient(url, { max: 2 });
  await seedDemo(db);
  await db.$disconnect();
}

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };

function readVitest(file: string) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  tally.passed += r.numPassedTests ?? 0;
  tally.failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  tally.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function readPlaywright(file: string) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  tally.passed += (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0);
  tally.failed += r.stats?.unexpected ?? 0;
  tally.skipped += r.stats?.skipped ?? 0;
}

const t0 = Date.now();
const { url, embedded } = await prepareDatabase();
let exitCode = 0;
try {
  await migrate(url);
  await seed(url);
  rmSync(path.join(RESULTS, 'vitest.json'), { force: true });
  rmSync(path.join(RESULTS, 'playwright.json'), { force: true });

  if (!onlyE2e) {
    const code = await run('npx', ['vitest', 'run', '--project', 'unit', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(RESULTS, 'vitest.json')}`], {
      DATABASE_URL: url,
      NODE_ENV: 'test',
    });
    readVitest(path.join(RESULTS, 'vitest.json'));
    if (code !== 0) exitCode = code;
  }

  if (!onlyUnit) {
    // the browser tests start from the demo data alone: integration tests leave rows behind
    if (!onlyE2e) await resetSchema(url);
    await seed(url);
    const distDir = '.next-test';
    const buildCode = await run('npx', ['next', 'build'], { NEXT_DIST_DIR: distDir, NODE_ENV: 'production' });
    if (buildCode !== 0) {
      console.error('✖ next build a échoué');
      exitCode = buildCode;
    } else {
      const code = await run('npx', ['playwright', 'test', ...passthrough], {
        DATABASE_URL: url,
        NEXT_DIST_DIR: distDir,
        AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(33).toString('base64'),
      });
      readPlaywright(path.join(RESULTS, 'playwright.json'));
      if (code !== 0) exitCode = code;

      // the benchmark suite, quick: the generator at a tiny scale, a short load on the same build,
      // then tests of the generated data and of the report's shape (never of its timings)
      if (embedded) {
        console.log('▶ benchmark --quick : demande un serveur PostgreSQL (DATABASE_URL), pas la base embarquée — étape non exécutée');
      } else {
        const benchCode = await run('npx', ['tsx', 'bench/run.ts', '--quick', '--no-build', '--dist', distDir, '--reseed'], { DATABASE_URL: url });
        if (benchCode !== 0) {
          console.error('✖ npm run bench -- --quick a échoué');
          exitCode = benchCode;
        }
        rmSync(path.join(RESULTS, 'vitest-bench.json'), { force: true });
        const testCode = await run('npx', ['vitest', 'run', '--project', 'bench', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(RESULTS, 'vitest-bench.json')}`], {
          DATABASE_URL: url,
          NODE_ENV: 'test',
        });
        readVitest(path.join(RESULTS, 'vitest-bench.json'));
        if (testCode !== 0) exitCode = testCode;
      }
    }
  }
} finally {
  await embedded?.stop();
}

if (tally.passed + tally.failed === 0 && exitCode === 0) {
  console.error('✖ aucun test exécuté');
  exitCode = 1;
}
console.log(`\nTotal (${Math.round((Date.now() - t0) / 1000)} s) :`);
console.log(`tests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(exitCode || (tally.failed > 0 ? 1 : 0));
