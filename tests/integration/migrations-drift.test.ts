/**
 * prisma/schema.prisma is the source of truth; prisma/migrations/* are hand-applied by
 * lib/db-tools/migrate.ts. This suite migrates a brand-new, empty PostgreSQL schema with the
 * project's runner, introspects it and fails on any difference with the Prisma schema.
 *
 * Isolation: a fresh schema `drift_<random>` in the test database (dropped afterwards), on
 * PostgreSQL as on the embedded PGlite (which has a single database, and a single session shared
 * by every socket connection — see setSearchPathFor()). Extensions stay in `public`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, migrate, MIGRATIONS_DIR, type MigrateResult } from '@/lib/db-tools/migrate';
import {
  compareSchemaToDatabase,
  introspectSchema,
  loadSchemaDmmf,
  SCHEMA_PATH,
  type DbIntrospection,
} from '@/tests/helpers/schema-model';

const BASE_URL = process.env.DATABASE_URL!;
const SCHEMA = `drift_${randomBytes(5).toString('hex')}`;

/** The test database URL whose connections start with `search_path = <schema>, public`. */
function urlWithSearchPath(url: string, schema: string) {
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
}
const MIGRATE_URL = urlWithSearchPath(BASE_URL, SCHEMA);

async function currentSchemaOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    return rows[0]?.schema ?? '';
  } finally {
    await client.end();
  }
}

const dmmf = loadSchemaDmmf();
let admin: pg.Client;
let originalSearchPath: string | undefined;
/** PGlite: every connection shares one backend session, and startup `options` are ignored. */
let sharedSession = false;
let firstRun: MigrateResult;
let secondRun: MigrateResult;
let introspection: DbIntrospection;

async function restoreSearchPath() {
  if (sharedSession && originalSearchPath !== undefined) {
    await admin.query("SELECT set_config('search_path', $1, false)", [originalSearchPath]);
  }
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  originalSearchPath = (await admin.query<{ search_path: string }>('SHOW search_path')).rows[0]?.search_path;
  await admin.query(`CREATE SCHEMA "${SCHEMA}"`);

  // PostgreSQL honours `options=-c search_path=…` per connection. PGlite (pglite-socket) ignores it
  // but shares one session between all connections: there, set it on the session for the duration
  // of the migration (nothing else runs meanwhile: integration files run one after the other).
  if ((await currentSchemaOf(MIGRATE_URL)) !== SCHEMA) {
    sharedSession = true;
    await admin.query("SELECT set_config('search_path', $1, false)", [`"${SCHEMA}", public`]);
    if ((await currentSchemaOf(MIGRATE_URL)) !== SCHEMA) {
      throw new Error(`Impossible de faire travailler le runner de migrations dans le schéma ${SCHEMA}`);
    }
  }
  try {
    firstRun = await migrate(MIGRATE_URL);
    secondRun = await migrate(MIGRATE_URL);
  } finally {
    await restoreSearchPath();
  }
  introspection = await introspectSchema(admin, SCHEMA);
});

afterAll(async () => {
  if (!admin) return;
  try {
    await restoreSearchPath();
    await admin.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  } finally {
    await admin.end();
  }
});

describe('migrations ↔ prisma/schema.prisma', () => {
  it('the runner applies every migration directory, records it like Prisma Migrate, and a second run applies nothing', async () => {
    const dirs = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const listed = (await listMigrations()).map((m) => m.name);
    // A directory the runner's name pattern skips would silently never be applied.
    expect(listed, 'every folder of prisma/migrations must be picked up by listMigrations()').toEqual(dirs);
    expect(dirs.length).toBeGreaterThan(0);

    expect(firstRun).toEqual({ applied: dirs, alreadyApplied: 0 });
    expect(secondRun).toEqual({ applied: [], alreadyApplied: dirs.length });

    const { rows } = await admin.query<{
      id: string;
      checksum: string;
      migration_name: string;
      started_at: Date;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
      applied_steps_count: number;
    }>(`SELECT * FROM "${SCHEMA}"."_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum, row.migration_name).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row.finished_at, row.migration_name).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('the extensions used by search are installed (unaccent, pg_trgm)', async () => {
    const { rows } = await admin.query<{ extname: string }>(
      "SELECT extname::text FROM pg_extension WHERE extname IN ('unaccent', 'pg_trgm') ORDER BY 1",
    );
    expect(rows.map((r) => r.extname)).toEqual(['pg_trgm', 'unaccent']);
  });

  it('the migrated database matches the Prisma schema (tables, columns, enums, keys, indexes, foreign keys, defaults)', () => {
    expect(introspection.tables.length).toBeGreaterThan(1);
    const differences = compareSchemaToDatabase(dmmf, introspection);
    expect(differences, `\n${differences.join('\n')}\n`).toEqual([]);
  });
});

// ───────────────────────── The check itself catches drift ─────────────────────────

function table(db: DbIntrospection, name: string) {
  const t = db.tables.find((x) => x.name === name);
  if (!t) throw new Error(`table ${name} absente de l'introspection`);
  return t;
}
function column(db: DbIntrospection, tableName: string, name: string) {
  const c = table(db, tableName).columns.find((x) => x.name === name);
  if (!c) throw new Error(`colonne ${tableName}.${name} absente de l'introspection`);
  return c;
}
function index(db: DbIntrospection, name: string) {
  const i = db.indexes.find((x) => x.name === name);
  if (!i) throw new Error(`index ${name} absent de l'introspection`);
  return i;
}
function foreignKey(db: DbIntrospection, name: string) {
  const fk = db.foreignKeys.find((x) => x.name === name);
  if (!fk) throw new Error(`clé étrangère ${name} absente de l'introspection`);
  return fk;
}
function enumType(db: DbIntrospection, name: string) {
  const e = db.enums.find((x) => x.name === name);
  if (!e) throw new Error(`enum ${name} absent de l'introspection`);
  return e;
}

interface Mutation {
  name: string;
  mutate: (db: DbIntrospection) => void;
  /** Every fragment must appear in one same new difference. */
  expected: string[];
}

const MUTATIONS: Mutation[] = [
  {
    name: 'a column dropped',
    mutate: (db) => {
      const t = table(db, 'Offre');
      t.columns = t.columns.filter((c) => c.name !== 'romeCode');
    },
    expected: ['Offre.romeCode', 'missing'],
  },
  {
    name: 'an optional column made NOT NULL',
    mutate: (db) => {
      column(db, 'User', 'telephone').nullable = false;
    },
    expected: ['User.telephone', 'NOT NULL in the database'],
  },
  {
    name: 'a required column made nullable',
    mutate: (db) => {
      column(db, 'Candidature', 'offreSnapshot').nullable = true;
    },
    expected: ['Candidature.offreSnapshot', 'nullable in the database'],
  },
  {
    name: 'an index added in SQL only',
    mutate: (db) => {
      db.indexes.push({
        ...index(db, 'Offre_romeCode_idx'),
        name: 'Offre_metier_idx',
        columns: ['metier'],
      });
    },
    expected: ['unexpected index', '"Offre_metier_idx"'],
  },
  {
    name: 'a trigram index added in SQL only',
    mutate: (db) => {
      db.indexes.push({
        ...index(db, 'Offre_romeCode_idx'),
        name: 'Offre_metier_trgm_idx',
        columns: ['metier'],
        method: 'gin',
        operatorClasses: ['gin_trgm_ops'],
      });
    },
    expected: ['"Offre_metier_trgm_idx"', 'gin'],
  },
  {
    name: 'a partial index whose WHERE changed',
    mutate: (db) => {
      index(db, 'Offre_searchText_en_cours_idx').predicate = `(status = 'POURVUE'::"OffreStatus")`;
    },
    expected: ['Offre @@index([searchText])', '"Offre_searchText_en_cours_idx"', "status = 'POURVUE'"],
  },
  {
    name: 'a partial index created without its WHERE',
    mutate: (db) => {
      Object.assign(index(db, 'User_hors_candidats_actifs_idx'), { partial: false, predicate: null });
    },
    expected: ['User @@index([id])', 'is not partial'],
  },
  {
    name: 'an index made partial in SQL only',
    mutate: (db) => {
      Object.assign(index(db, 'Offre_romeCode_idx'), { partial: true, predicate: `("romeCode" IS NOT NULL)` });
    },
    expected: ['Offre @@index([romeCode])', 'is partial', 'declares no where'],
  },
  {
    name: 'an enum value removed',
    mutate: (db) => {
      const e = enumType(db, 'OffreStatus');
      e.values = e.values.filter((v) => v !== 'ARCHIVEE');
    },
    expected: ['Enum OffreStatus', 'missing value(s) ARCHIVEE'],
  },
  {
    name: 'an enum value added',
    mutate: (db) => {
      enumType(db, 'Role').values.push('SUPERADMIN');
    },
    expected: ['Enum Role', 'unexpected value(s) SUPERADMIN'],
  },
  {
    name: 'enum values reordered',
    mutate: (db) => {
      enumType(db, 'CandidatureStatus').values.reverse();
    },
    expected: ['Enum CandidatureStatus', 'different order'],
  },
  {
    name: 'a column type changed (CHAR(14) → TEXT)',
    mutate: (db) => {
      column(db, 'Structure', 'siret').type = 'text';
    },
    expected: ['Structure.siret', 'character(14)'],
  },
  {
    name: 'an enum column turned into TEXT',
    mutate: (db) => {
      Object.assign(column(db, 'User', 'role'), { type: 'text', dataType: 'text', udtName: 'text' });
    },
    expected: ['User.role', 'Role'],
  },
  {
    name: 'a column no field maps to',
    mutate: (db) => {
      table(db, 'Offre').columns.push({ ...column(db, 'Offre', 'metier'), name: 'legacyCode' });
    },
    expected: ['Model Offre', '"legacyCode"', 'no field maps to it'],
  },
  {
    name: 'a table no model maps to',
    mutate: (db) => {
      db.tables.push({ name: 'Legacy', columns: [] });
    },
    expected: ['"Legacy"', 'no model maps to it'],
  },
  {
    name: 'a declared @@index missing',
    mutate: (db) => {
      db.indexes = db.indexes.filter((i) => i.name !== 'Offre_romeCode_idx');
    },
    expected: ['Offre @@index([romeCode])', 'no index'],
  },
  {
    name: 'an @@index with its columns in another order',
    mutate: (db) => {
      index(db, 'Offre_status_publishedAt_idx').columns.reverse();
    },
    expected: ['Offre @@index([status, publishedAt])'],
  },
  {
    name: 'a @unique index that is not unique',
    mutate: (db) => {
      index(db, 'User_email_key').unique = false;
    },
    expected: ['User.email @unique', 'non-unique'],
  },
  {
    name: 'a @@unique missing',
    mutate: (db) => {
      db.indexes = db.indexes.filter((i) => i.name !== 'Favori_userId_projetId_key');
    },
    expected: ['Favori @@unique([userId, projetId])', 'no unique index'],
  },
  {
    name: 'a primary key on other columns',
    mutate: (db) => {
      index(db, 'Departement_pkey').columns = ['nom'];
    },
    expected: ['Departement.code @id', 'no primary key'],
  },
  {
    name: 'a foreign key with another ON DELETE',
    mutate: (db) => {
      foreignKey(db, 'Offre_structureId_fkey').onDelete = 'Restrict';
    },
    expected: ['Offre.structure', 'ON DELETE RESTRICT', 'ON DELETE CASCADE'],
  },
  {
    name: 'a foreign key missing',
    mutate: (db) => {
      db.foreignKeys = db.foreignKeys.filter((fk) => fk.name !== 'Offre_employeurId_fkey');
    },
    expected: ['Offre.employeur', 'no foreign key'],
  },
  {
    name: 'a foreign key no relation declares',
    mutate: (db) => {
      db.foreignKeys.push({ ...foreignKey(db, 'Offre_structureId_fkey'), name: 'Offre_romeCode_fkey', columns: ['romeCode'], referencedTable: 'RomeCode', referencedColumns: ['code'] });
    },
    expected: ['unexpected foreign key', '"Offre_romeCode_fkey"'],
  },
  {
    name: 'a literal enum default removed',
    mutate: (db) => {
      column(db, 'Offre', 'status').default = null;
    },
    expected: ['Offre.status', 'no database default', "'EN_COURS'"],
  },
  {
    name: 'a literal default changed',
    mutate: (db) => {
      column(db, 'User', 'sessionVersion').default = '0';
    },
    expected: ['User.sessionVersion', 'database default is 0'],
  },
  {
    name: 'autoincrement() without its sequence',
    mutate: (db) => {
      column(db, 'User', 'numero').default = null;
    },
    expected: ['User.numero', 'nextval'],
  },
  {
    name: 'now() without CURRENT_TIMESTAMP',
    mutate: (db) => {
      column(db, 'User', 'createdAt').default = null;
    },
    expected: ['User.createdAt', 'CURRENT_TIMESTAMP'],
  },
  {
    name: 'a database default the schema does not declare',
    mutate: (db) => {
      column(db, 'User', 'updatedAt').default = 'CURRENT_TIMESTAMP';
    },
    expected: ['User.updatedAt', 'declares none'],
  },
];

describe('the drift check fails on drift', () => {
  it('reports nothing on the real database (baseline of the mutations below)', () => {
    expect(compareSchemaToDatabase(dmmf, introspection)).toEqual([]);
  });

  it.each(MUTATIONS)('database drift: $name', ({ mutate, expected }) => {
    const baseline = new Set(compareSchemaToDatabase(dmmf, introspection));
    const drifted = structuredClone(introspection);
    mutate(drifted);
    const added = compareSchemaToDatabase(dmmf, drifted).filter((d) => !baseline.has(d));
    expect(added.length, 'the mutation must produce at least one difference').toBeGreaterThan(0);
    expect(
      added.some((d) => expected.every((fragment) => d.includes(fragment))),
      `no difference mentions ${expected.map((e) => JSON.stringify(e)).join(' + ')}; got:\n${added.join('\n')}`,
    ).toBe(true);
  });

  it('schema drift: a field and an @@index added to the schema without a migration', async () => {
    const source = await readFile(SCHEMA_PATH, 'utf8');
    const edited = source.replace(/(\nmodel Offre \{[\s\S]*?)(\n\})/, '$1\n  nouveauChamp String?\n  @@index([nouveauChamp])$2');
    expect(edited).not.toBe(source);
    const baseline = new Set(compareSchemaToDatabase(dmmf, introspection));
    const added = compareSchemaToDatabase(loadSchemaDmmf(edited), introspection).filter((d) => !baseline.has(d));
    expect(added).toEqual([
      'Offre.nouveauChamp (column "Offre"."nouveauChamp"): column is missing in the database (String?)',
      'Offre @@index([nouveauChamp]): no index on "Offre"("nouveauChamp") in the database',
    ]);
  });
});
