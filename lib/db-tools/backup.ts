/**
 * `npm run db:backup` / `npm run db:restore`: a PostgreSQL database to one file (pg_dump custom
 * format) and back (pg_restore). The binaries are PG_BIN_DIR's, else PostgreSQL 15's Debian folder,
 * else the PATH's. Plain Node (no server-only): used by the scripts and the tests.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export class BackupError extends Error {}

export function pgBinary(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  for (const dir of [env.PG_BIN_DIR, '/usr/lib/postgresql/15/bin']) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return name;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === 'ENOENT'
            ? `${path.basename(command)} est introuvable : installez le client PostgreSQL (paquet postgresql-client) ou indiquez son dossier dans PG_BIN_DIR.`
            : `${path.basename(command)} n'a pas pu être lancé : ${error.message}`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${path.basename(command)} a échoué (code ${code}) :\n${stderr.trim()}`)),
    );
  });
}

/** The tables of the public schema (none in a new, empty database). */
export async function publicTables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    );
    return rows.map((r) => r.table_name);
  } finally {
    await client.end();
  }
}

export const EMBEDDED_MESSAGE =
  'La base embarquée (PGlite) ne se sauvegarde pas avec pg_dump : arrêtez `npm run dev` et copiez le dossier .data/pglite (le recopier à sa place restaure).';

/** The embedded database of `npm run dev` (PGlite speaks the protocol, pg_dump cannot read it). */
export async function isEmbeddedDatabase(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    return /PGlite/i.test(rows[0]?.version ?? '');
  } finally {
    await client.end();
  }
}

export async function backupDatabase(url: string, file: string): Promise<void> {
  if (await isEmbeddedDatabase(url)) throw new BackupError(EMBEDDED_MESSAGE);
  await run(pgBinary('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`]);
}

export const NOT_EMPTY_MESSAGE =
  'La base de destination contient déjà des tables : la restauration les remplacerait. Ajoutez --force pour les écraser, ou restaurez dans une base vide.';

export async function restoreDatabase(url: string, file: string, opts: { force?: boolean } = {}): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`Fichier de sauvegarde introuvable : ${file}`);
  if (await isEmbeddedDatabase(url)) throw new BackupError(EMBEDDED_MESSAGE);
  if (!opts.force && (await publicTables(url)).length > 0) throw new BackupError(NOT_EMPTY_MESSAGE);
  await run(pgBinary('pg_restore'), [
    '--no-owner',
    '--no-privileges',
    '--clean',
    '--if-exists',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${url}`,
    file,
  ]);
}
