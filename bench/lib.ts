import { performance } from 'node:perf_hooks';
import pg from 'pg';

/** What every benchmark script shares: its flags, its own database next to the app's, percentiles. */

export function benchArgs(argv = process.argv.slice(2)) {
  return {
    runs: Number(argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 30),
    regenerate: argv.includes('--regenerate'),
  };
}

/** « postgresql://…/cma » → « postgresql://…/cma<suffix> »: the benchmark never touches the app's data. */
export function benchUrl(url: string, suffix: string): { url: string; name: string } {
  const parsed = new URL(url);
  const base = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
  const name = base.endsWith(suffix) ? base : `${base}${suffix}`;
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(name)) throw new Error(`Nom de base inattendu : ${name}`);
  parsed.pathname = `/${name}`;
  return { url: parsed.toString(), name };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<'created' | 'reused'> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return 'reused';
    await client.query(`CREATE DATABASE "${name}"`);
    return 'created';
  } finally {
    await client.end();
  }
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Loads a generated data set in one transaction, then brings the database to a live one's steady
 * state with `vacuum` (each benchmark says which VACUUM its data set needs, and why).
 */
export async function generateData(url: string, sql: string, vacuum: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query('BEGIN');
    await client.query(sql);
    await client.query('COMMIT');
    await client.query(vacuum);
    console.log(`données générées en ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
