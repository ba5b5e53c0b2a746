import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_MESSAGE, NOT_EMPTY_MESSAGE, backupDatabase, isEmbeddedDatabase, publicTables, restoreDatabase } from '@/lib/db-tools/backup';
import { db } from '@/lib/db';
import { createCandidature, createEmployeur, createOffre, createProjet, createStructure, createUser, linkEmployeur } from '@/tests/factories';

/**
 * `npm run db:backup` then `npm run db:restore` into a new, empty database: every table comes
 * back with the same rows (counts and a checksum of every row), sequences included; a database
 * that has tables is refused without --force. When the suite runs on the embedded database
 * (PGlite, no DATABASE_URL), pg_dump cannot read it: the commands say so, and only that is checked.
 */

const embedded = await isEmbeddedDatabase(process.env.DATABASE_URL!);

const source = process.env.DATABASE_URL!;
const target = (() => {
  const url = new URL(source);
  url.pathname = `${url.pathname.slice(1)}_restauration`;
  return url.toString();
})();
const targetName = new URL(target).pathname.slice(1);
const dir = mkdtempSync(path.join(tmpdir(), 'cma-sauvegarde-'));
const file = path.join(dir, 'base.dump');

async function admin(sql: string) {
  const url = new URL(source);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Row count and checksum of every row of every table, and each sequence's position. */
async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables: Record<string, { rows: number; md5: string }> = {};
    for (const table of await publicTables(url)) {
      const { rows } = await client.query<{ rows: string; md5: string }>(
        `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${table}" t`,
      );
      tables[table] = { rows: Number(rows[0]!.rows), md5: rows[0]!.md5 };
    }
    const { rows: sequences } = await client.query<{ name: string; last_value: string | null }>(
      "SELECT sequencename AS name, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename",
    );
    return { tables, sequences };
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (embedded) return;
  // demo data is there (the suite seeds it); rows of every kind from the factories too
  const structure = await createStructure(db, { raisonSociale: 'CFA « Sauvegarde » ; l’apostrophe' });
  const employeur = await createEmployeur(db, { raisonSociale: 'Employeur\nsur deux lignes' });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, description: 'Émoji 🧱 et <b>balises</b>' });
  const candidat = await createUser(db, { role: 'CANDIDAT', prenom: 'Zoé', nom: 'Œuvre' });
  const projet = await createProjet(db, { candidatId: candidat.id, formations: [{ intitule: 'CAP', statut: 'VALIDE', annee: 2025 }] });
  await createCandidature(db, { offreId: offre.id, candidatId: candidat.id, projetId: projet.id, message: 'Bonjour' });
  await admin(`DROP DATABASE IF EXISTS "${targetName}"`);
  await admin(`CREATE DATABASE "${targetName}"`);
});

afterAll(async () => {
  await db.$disconnect();
  if (embedded) return;
  await admin(`DROP DATABASE IF EXISTS "${targetName}"`);
  rmSync(dir, { recursive: true, force: true });
});

// one block or the other is declared (neither is ever skipped)
if (embedded) describe('db:backup / db:restore on the embedded database', () => {
  it('refuses with the way to back it up (copy .data/pglite)', async () => {
    await expect(backupDatabase(source, file)).rejects.toThrow(EMBEDDED_MESSAGE);
    await expect(restoreDatabase(source, file, { force: true })).rejects.toThrow(/introuvable|PGlite/);
  });
});

else describe('db:backup / db:restore', () => {
  it('restores every row of every table into an empty database', async () => {
    await backupDatabase(source, file);
    const before = await fingerprint(source);
    expect(Object.keys(before.tables).length).toBeGreaterThan(20);
    expect(before.tables.User!.rows).toBeGreaterThan(0);
    expect(before.tables.Candidature!.rows).toBeGreaterThan(0);

    expect(await publicTables(target)).toEqual([]);
    await restoreDatabase(target, file);
    expect(await fingerprint(target)).toEqual(before);
  });

  it('refuses a database that already has tables, in French (the npm script), unless --force', async () => {
    const env = { ...process.env, DATABASE_URL: target };
    const refused = (() => {
      try {
        execFileSync('npx', ['tsx', 'scripts/db-restore.ts', '--in', file], { env, encoding: 'utf8', stdio: 'pipe' });
        return null;
      } catch (error) {
        return error as { status: number; stderr: string };
      }
    })();
    expect(refused?.status).toBe(1);
    expect(refused?.stderr).toContain(NOT_EMPTY_MESSAGE);

    // a row added after the backup disappears with --force: the backup's content is back
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await client.query(`DELETE FROM "Candidature"`);
    await client.end();
    await restoreDatabase(target, file, { force: true });
    expect((await fingerprint(target)).tables.Candidature).toEqual((await fingerprint(source)).tables.Candidature);
  });
});
