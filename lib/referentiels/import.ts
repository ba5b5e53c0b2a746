/**
 * Imports of the public referentials (ROME, Kit apprentissage diplomas, certification levels,
 * COG communes of Nouvelle-Aquitaine, NAF rév. 2) into the database.
 *
 * Every import is idempotent (upserts keyed by the natural code, rows are updated only when they
 * differ, nothing is deleted: offers and projects keep their snapshots) and batched: one statement
 * per chunk of rows, parameters passed as arrays and expanded with unnest().
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { DbClient } from '@/lib/prisma-client';
import { NAF_SECTIONS, sectionForNaf } from '@/lib/referentiels/naf-sections';
import { NIVEAUX, NIVEAU_MAX, NIVEAU_MIN } from '@/lib/referentiels/niveaux';

// ---------------------------------------------------------------------------------------------
// Types

/** What a referential import did to one table. */
export type UpsertStats = {
  /** Distinct rows read from the source. */
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
};

export type RomeImportStats = {
  version: string;
  codes: UpsertStats;
  appellations: UpsertStats;
  /** Appellations whose ROME code is not in the codes file (not imported). */
  appellationsIgnorees: number;
};

export type DiplomesImportStats = {
  certifications: UpsertStats;
  /** Rows without CFD nor RNCP number, or without any title (not imported). */
  lignesIgnorees: number;
  /** Rows sharing the same (CFD, RNCP) pair with another row (merged). */
  doublons: number;
};

export type GeoImportStats = { departements: UpsertStats; communes: UpsertStats };
export type NafImportStats = { sections: UpsertStats; codes: UpsertStats };

export type CuratedImportStats = {
  niveaux: UpsertStats;
  rome: RomeImportStats;
  diplomes: DiplomesImportStats;
  geo: GeoImportStats;
  naf: NafImportStats;
};

/** The raw-SQL part of a client, also available inside an interactive transaction. */
type Sql = Pick<DbClient, '$executeRawUnsafe' | '$queryRawUnsafe'>;

// ---------------------------------------------------------------------------------------------
// Helpers

const CHUNK = 5000;
const TX_OPTIONS = { maxWait: 30_000, timeout: 300_000 };

const requireHere = createRequire(import.meta.url);

/** Folder of the project's own curated seed files (official formats). */
export const CURATED_DIR = fileURLToPath(new URL('../../prisma/seed-data/', import.meta.url));
export const CURATED_VERSION_ROME = '460';

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function emptyStats(): UpsertStats {
  return { total: 0, inserted: 0, updated: 0, unchanged: 0 };
}

/**
 * Runs an `INSERT … ON CONFLICT DO UPDATE … WHERE <changed> RETURNING (xmax = 0) AS inserted`
 * statement chunk by chunk and counts what it did.
 */
async function upsertChunks<T>(
  sql: Sql,
  rows: readonly T[],
  statement: string,
  params: (chunk: T[]) => unknown[],
): Promise<UpsertStats> {
  const stats = emptyStats();
  stats.total = rows.length;
  for (const chunk of chunks(rows)) {
    const result = await sql.$queryRawUnsafe<{ inserted: boolean }[]>(statement, ...params(chunk));
    for (const r of result) {
      if (r.inserted) stats.inserted++;
      else stats.updated++;
    }
  }
  stats.unchanged = stats.total - stats.inserted - stats.updated;
  return stats;
}

/** Cell value, or null when empty / « NR » (non renseigné). */
function cell(value: string | undefined): string | null {
  const v = value?.trim() ?? '';
  return v === '' || v.toUpperCase() === 'NR' ? null : v;
}

type CsvRecord = Record<string, string>;

async function readCsv(file: string, delimiter: string, required: readonly string[]): Promise<CsvRecord[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`Fichier introuvable ou illisible : ${file}`);
  }
  let records: CsvRecord[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      columns: (header: string[]) => header.map((h) => h.normalize('NFC').trim()),
      skip_empty_lines: true,
    }) as CsvRecord[];
  } catch (error) {
    throw new Error(`Fichier CSV invalide (${path.basename(file)}) : ${(error as Error).message}`);
  }
  const first = records[0];
  if (!first) throw new Error(`Fichier CSV vide : ${file}`);
  const missing = required.filter((c) => !(c in first));
  if (missing.length > 0) {
    throw new Error(
      `Format inattendu pour ${path.basename(file)} : colonne(s) absente(s) ${missing.map((c) => `« ${c} »`).join(', ')}`,
    );
  }
  return records;
}

// Characters of Windows-1252 outside Latin-1 (0x80–0x9F), for the mojibake repair below.
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
  '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93,
  '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b,
  'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Repairs UTF-8 text that was decoded as Windows-1252 once (« DIPLÃ”ME » → « DIPLÔME »), as found
 * in a few « Intitulé diplôme (DEPP) » cells of the Kit apprentissage. Other text is returned as is.
 */
export function repairMojibake(text: string): string {
  if (!/[ÃÂ]/.test(text)) return text;
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x100) bytes.push(cp);
    else if (CP1252[ch] !== undefined) bytes.push(CP1252[ch]);
    else return text;
  }
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// Niveaux

const UPSERT_NIVEAUX = `
  INSERT INTO "Niveau" ("niveau", "libelle", "ancien")
  SELECT * FROM unnest($1::int[], $2::text[], $3::text[])
  ON CONFLICT ("niveau") DO UPDATE SET "libelle" = EXCLUDED."libelle", "ancien" = EXCLUDED."ancien"
  WHERE ("Niveau"."libelle", "Niveau"."ancien") IS DISTINCT FROM (EXCLUDED."libelle", EXCLUDED."ancien")
  RETURNING (xmax = 0) AS inserted`;

function upsertNiveaux(sql: Sql): Promise<UpsertStats> {
  return upsertChunks(sql, NIVEAUX, UPSERT_NIVEAUX, (c) => [
    c.map((n) => n.niveau),
    c.map((n) => n.libelle),
    c.map((n) => n.ancien),
  ]);
}

/** Writes the 6 certification levels 3..8. */
export async function importNiveaux(db: DbClient): Promise<UpsertStats> {
  return upsertNiveaux(db);
}

// ---------------------------------------------------------------------------------------------
// ROME

/** « 460 » from « unix_referentiel_code_rome_v460_utf8.csv »; null when the name carries no version. */
export function romeVersionFromFileName(fileName: string): string | null {
  const match = /_v(\d+)(?=[_.]|$)/i.exec(path.basename(fileName));
  return match?.[1] ?? null;
}

/**
 * Finds the two files of the France Travail export (RefRomeCsv.zip) in a folder:
 * unix_referentiel_code_rome_vNNN_utf8.csv and unix_referentiel_appellation_vNNN_utf8.csv.
 */
export async function findRomeFiles(
  dir: string,
): Promise<{ codesCsv: string; appellationsCsv: string; version: string }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new Error(`Dossier ROME introuvable : ${dir}`);
  }
  const pick = (kind: string) => {
    const re = new RegExp(`^unix_referentiel_${kind}_v(\\d+)_utf8\\.csv$`, 'i');
    const found = names
      .map((n) => ({ n, m: re.exec(n) }))
      .filter((x): x is { n: string; m: RegExpExecArray } => x.m !== null)
      .sort((a, b) => Number(b.m[1]) - Number(a.m[1]))[0];
    if (!found) throw new Error(`Fichier unix_referentiel_${kind}_vNNN_utf8.csv absent de ${dir}`);
    return { file: path.join(dir, found.n), version: found.m[1]! };
  };
  const codes = pick('code_rome');
  const appellations = pick('appellation');
  if (codes.version !== appellations.version) {
    throw new Error(
      `Versions ROME différentes dans ${dir} : codes v${codes.version}, appellations v${appellations.version}`,
    );
  }
  return { codesCsv: codes.file, appellationsCsv: appellations.file, version: codes.version };
}

const UPSERT_ROME_CODES = `
  INSERT INTO "RomeCode" ("code", "libelle", "version")
  SELECT t.code, t.libelle, $3 FROM unnest($1::text[], $2::text[]) AS t(code, libelle)
  ON CONFLICT ("code") DO UPDATE SET "libelle" = EXCLUDED."libelle", "version" = EXCLUDED."version"
  WHERE ("RomeCode"."libelle", "RomeCode"."version") IS DISTINCT FROM (EXCLUDED."libelle", EXCLUDED."version")
  RETURNING (xmax = 0) AS inserted`;

const UPSERT_ROME_APPELLATIONS = `
  INSERT INTO "RomeAppellation" ("code", "libelle", "libelleCourt", "romeCode", "version", "libelleRecherche")
  SELECT t.code, t.libelle, t.court, t.rome, $5, lower(unaccent(t.libelle))
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, libelle, court, rome)
  ON CONFLICT ("code") DO UPDATE SET
    "libelle" = EXCLUDED."libelle", "libelleCourt" = EXCLUDED."libelleCourt",
    "romeCode" = EXCLUDED."romeCode", "version" = EXCLUDED."version", "libelleRecherche" = EXCLUDED."libelleRecherche"
  WHERE ("RomeAppellation"."libelle", "RomeAppellation"."libelleCourt", "RomeAppellation"."romeCode", "RomeAppellation"."version", "RomeAppellation"."libelleRecherche")
    IS DISTINCT FROM (EXCLUDED."libelle", EXCLUDED."libelleCourt", EXCLUDED."romeCode", EXCLUDED."version", EXCLUDED."libelleRecherche")
  RETURNING (xmax = 0) AS inserted`;

const ROME_CODE = /^[A-Z]\d{4}$/;

/**
 * Imports the ROME codes and appellations (OGR codes) from the official France Travail CSV export
 * (comma-separated, every field double-quoted, UTF-8, header line).
 */
export async function importRome(
  db: DbClient,
  opts: { codesCsv: string; appellationsCsv: string; version: string },
): Promise<RomeImportStats> {
  const version = opts.version.trim();
  if (!version) throw new Error('Version du ROME manquante');

  const codeRecords = await readCsv(opts.codesCsv, ',', ['code_rome', 'libelle_rome']);
  const codes = new Map<string, string>();
  for (const r of codeRecords) {
    const code = cell(r.code_rome)?.toUpperCase();
    const libelle = cell(r.libelle_rome);
    if (!code || !ROME_CODE.test(code) || !libelle) {
      throw new Error(`Code ROME invalide dans ${path.basename(opts.codesCsv)} : « ${r.code_rome ?? ''} »`);
    }
    codes.set(code, libelle);
  }

  const appellationRecords = await readCsv(opts.appellationsCsv, ',', [
    'code_ogr',
    'libelle_appellation_long',
    'libelle_appellation_court',
    'code_rome',
  ]);
  const appellations = new Map<string, { libelle: string; court: string | null; rome: string }>();
  let ignorees = 0;
  for (const r of appellationRecords) {
    const code = cell(r.code_ogr);
    const libelle = cell(r.libelle_appellation_long);
    const rome = cell(r.code_rome)?.toUpperCase();
    if (!code || !libelle || !rome || !codes.has(rome)) {
      ignorees++;
      continue;
    }
    appellations.set(code, { libelle, court: cell(r.libelle_appellation_court), rome });
  }

  const codeRows = [...codes.entries()];
  const appellationRows = [...appellations.entries()];
  return db.$transaction(async (tx) => {
    const codesStats = await upsertChunks(tx, codeRows, UPSERT_ROME_CODES, (c) => [
      c.map(([code]) => code),
      c.map(([, libelle]) => libelle),
      version,
    ]);
    const appellationsStats = await upsertChunks(tx, appellationRows, UPSERT_ROME_APPELLATIONS, (c) => [
      c.map(([code]) => code),
      c.map(([, a]) => a.libelle),
      c.map(([, a]) => a.court),
      c.map(([, a]) => a.rome),
      version,
    ]);
    return { version, codes: codesStats, appellations: appellationsStats, appellationsIgnorees: ignorees };
  }, TX_OPTIONS);
}

// ---------------------------------------------------------------------------------------------
// Diplômes (Kit apprentissage)

const KIT = {
  cfd: 'Code Diplôme',
  intituleDepp: 'Intitulé diplôme (DEPP)',
  rncp: 'FicheRNCP',
  niveau: 'Niveau fiche RNCP',
  type: 'Abrégé de diplôme (RNCP)',
  statut: 'Fiche ACTIVE/INACTIVE',
  intituleRncp: 'Intitulé certification (RNCP)',
} as const;

type CertificationRow = {
  cfd: string | null;
  rncp: string | null;
  intitule: string;
  niveau: number | null;
  typeDiplome: string | null;
  active: boolean;
};

/** Null-safe key of the (cfd, rncp) pair: PostgreSQL's unique index treats NULLs as distinct. */
const certificationKey = (r: { cfd: string | null; rncp: string | null }) => `${r.cfd ?? ''}|${r.rncp ?? ''}`;

// Matching on coalesce(…, '') keeps the (cfd, rncp) lookup null-safe and hash-joinable.
const UPDATE_CERTIFICATIONS = `
  UPDATE "Certification" AS c
  SET "intitule" = s.intitule, "niveau" = s.niveau, "typeDiplome" = s.type, "active" = s.active,
      "intituleRecherche" = lower(unaccent(s.intitule))
  FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::boolean[])
    AS s(cfd, rncp, intitule, niveau, type, active)
  WHERE coalesce(c."cfd", '') = coalesce(s.cfd, '') AND coalesce(c."rncp", '') = coalesce(s.rncp, '')
    AND (c."intitule", c."niveau", c."typeDiplome", c."active", c."intituleRecherche")
      IS DISTINCT FROM (s.intitule, s.niveau, s.type, s.active, lower(unaccent(s.intitule)))`;

const INSERT_CERTIFICATIONS = `
  INSERT INTO "Certification" ("id", "cfd", "rncp", "intitule", "niveau", "typeDiplome", "active", "intituleRecherche")
  SELECT 'c' || substr(md5(random()::text || clock_timestamp()::text || s.ord::text), 1, 24),
         s.cfd, s.rncp, s.intitule, s.niveau, s.type, s.active, lower(unaccent(s.intitule))
  FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::boolean[])
    WITH ORDINALITY AS s(cfd, rncp, intitule, niveau, type, active, ord)
  WHERE NOT EXISTS (
    SELECT 1 FROM "Certification" c
    WHERE coalesce(c."cfd", '') = coalesce(s.cfd, '') AND coalesce(c."rncp", '') = coalesce(s.rncp, '')
  )`;

function parseNiveau(value: string | undefined): number | null {
  const match = /(\d+)/.exec(value ?? '');
  const n = match ? Number(match[1]) : NaN;
  return n >= NIVEAU_MIN && n <= NIVEAU_MAX ? n : null;
}

/**
 * Imports the certifications of a « Kit apprentissage » CSV (France compétences / Certif Info:
 * semicolon-separated, UTF-8, fields double-quoted only when needed). One row per (CFD, RNCP) pair;
 * the title is the RNCP one (falling back on the DEPP title), the level « Niveau N » → N.
 */
export async function importDiplomes(db: DbClient, csvPath: string): Promise<DiplomesImportStats> {
  const records = await readCsv(csvPath, ';', Object.values(KIT));
  const rows = new Map<string, CertificationRow>();
  let ignorees = 0;
  let doublons = 0;
  for (const r of records) {
    const cfd = cell(r[KIT.cfd])?.toUpperCase() ?? null;
    const rncp = cell(r[KIT.rncp])?.toUpperCase().replace(/\s+/g, '') ?? null;
    const intituleDepp = cell(r[KIT.intituleDepp]);
    const intitule = cell(r[KIT.intituleRncp]) ?? (intituleDepp ? repairMojibake(intituleDepp) : null);
    if ((!cfd && !rncp) || !intitule) {
      ignorees++;
      continue;
    }
    const row: CertificationRow = {
      cfd,
      rncp,
      intitule,
      niveau: parseNiveau(r[KIT.niveau]),
      typeDiplome: cell(r[KIT.type]),
      active: cell(r[KIT.statut])?.toUpperCase() === 'ACTIVE',
    };
    const key = certificationKey(row);
    const previous = rows.get(key);
    if (previous) {
      doublons++;
      // keep the active version of a pair listed twice
      if (previous.active && !row.active) continue;
    }
    rows.set(key, row);
  }

  const list = [...rows.values()];
  return db.$transaction(async (tx) => {
    await upsertNiveaux(tx);
    const stats = emptyStats();
    stats.total = list.length;
    for (const chunk of chunks(list)) {
      const params = [
        chunk.map((r) => r.cfd),
        chunk.map((r) => r.rncp),
        chunk.map((r) => r.intitule),
        chunk.map((r) => r.niveau),
        chunk.map((r) => r.typeDiplome),
        chunk.map((r) => r.active),
      ];
      stats.updated += await tx.$executeRawUnsafe(UPDATE_CERTIFICATIONS, ...params);
      stats.inserted += await tx.$executeRawUnsafe(INSERT_CERTIFICATIONS, ...params);
    }
    stats.unchanged = stats.total - stats.inserted - stats.updated;
    return { certifications: stats, lignesIgnorees: ignorees, doublons };
  }, TX_OPTIONS);
}

// ---------------------------------------------------------------------------------------------
// Géographie (COG, @etalab/decoupage-administratif)

type EtalabDepartement = { code: string; nom: string; region: string };
type EtalabCommune = {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
  population?: number;
};

export const REGION_NOUVELLE_AQUITAINE = '75';

async function loadEtalab<T>(name: 'departements' | 'communes'): Promise<T[]> {
  // Read the JSON files directly: the package's index.js resolves ./data against the cwd.
  const file = requireHere.resolve(`@etalab/decoupage-administratif/data/${name}.json`);
  return JSON.parse(await readFile(file, 'utf8')) as T[];
}

const UPSERT_DEPARTEMENTS = `
  INSERT INTO "Departement" ("code", "nom", "regionCode")
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
  ON CONFLICT ("code") DO UPDATE SET "nom" = EXCLUDED."nom", "regionCode" = EXCLUDED."regionCode"
  WHERE ("Departement"."nom", "Departement"."regionCode") IS DISTINCT FROM (EXCLUDED."nom", EXCLUDED."regionCode")
  RETURNING (xmax = 0) AS inserted`;

// codesPostaux travel as one comma-joined string per commune (unnest would flatten a text[][]).
const UPSERT_COMMUNES = `
  INSERT INTO "Commune" ("code", "nom", "departementCode", "codesPostaux", "population")
  SELECT t.code, t.nom, t.dep, string_to_array(t.cps, ','), t.pop
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) AS t(code, nom, dep, cps, pop)
  ON CONFLICT ("code") DO UPDATE SET
    "nom" = EXCLUDED."nom", "departementCode" = EXCLUDED."departementCode",
    "codesPostaux" = EXCLUDED."codesPostaux", "population" = EXCLUDED."population"
  WHERE ("Commune"."nom", "Commune"."departementCode", "Commune"."codesPostaux", "Commune"."population")
    IS DISTINCT FROM (EXCLUDED."nom", EXCLUDED."departementCode", EXCLUDED."codesPostaux", EXCLUDED."population")
  RETURNING (xmax = 0) AS inserted`;

/**
 * Imports the départements and current communes (type « commune-actuelle »: no communes déléguées
 * or associées) of a region, Nouvelle-Aquitaine by default: 12 départements, 4,293 communes.
 */
export async function importGeo(
  db: DbClient,
  opts: { regionCode?: string } = {},
): Promise<GeoImportStats> {
  const region = opts.regionCode ?? REGION_NOUVELLE_AQUITAINE;
  const departements = (await loadEtalab<EtalabDepartement>('departements')).filter((d) => d.region === region);
  if (departements.length === 0) throw new Error(`Aucun département pour la région ${region}`);
  const depCodes = new Set(departements.map((d) => d.code));
  const communes = (await loadEtalab<EtalabCommune>('communes')).filter(
    (c) => c.type === 'commune-actuelle' && c.region === region && c.departement && depCodes.has(c.departement),
  );

  return db.$transaction(async (tx) => {
    const depStats = await upsertChunks(tx, departements, UPSERT_DEPARTEMENTS, (c) => [
      c.map((d) => d.code),
      c.map((d) => d.nom),
      c.map(() => region),
    ]);
    const communeStats = await upsertChunks(tx, communes, UPSERT_COMMUNES, (c) => [
      c.map((x) => x.code),
      c.map((x) => x.nom),
      c.map((x) => x.departement!),
      c.map((x) => (x.codesPostaux ?? []).join(',')),
      c.map((x) => (typeof x.population === 'number' ? x.population : null)),
    ]);
    return { departements: depStats, communes: communeStats };
  }, TX_OPTIONS);
}

// ---------------------------------------------------------------------------------------------
// NAF rév. 2 (@socialgouv/codes-naf)

const UPSERT_NAF_SECTIONS = `
  INSERT INTO "NafSection" ("code", "libelle")
  SELECT * FROM unnest($1::text[], $2::text[])
  ON CONFLICT ("code") DO UPDATE SET "libelle" = EXCLUDED."libelle"
  WHERE "NafSection"."libelle" IS DISTINCT FROM EXCLUDED."libelle"
  RETURNING (xmax = 0) AS inserted`;

const UPSERT_NAF_CODES = `
  INSERT INTO "NafCode" ("code", "libelle", "sectionCode")
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
  ON CONFLICT ("code") DO UPDATE SET "libelle" = EXCLUDED."libelle", "sectionCode" = EXCLUDED."sectionCode"
  WHERE ("NafCode"."libelle", "NafCode"."sectionCode") IS DISTINCT FROM (EXCLUDED."libelle", EXCLUDED."sectionCode")
  RETURNING (xmax = 0) AS inserted`;

const NAF_SOUS_CLASSE = /^\d{2}\.\d{2}[A-Z]$/;

/** Imports the 21 NAF sections and the 732 sous-classes (« 43.33Z »). */
export async function importNaf(db: DbClient): Promise<NafImportStats> {
  const all = requireHere('@socialgouv/codes-naf/index.json') as { id: string; label: string }[];
  const codes: { code: string; libelle: string; section: string }[] = [];
  for (const { id, label } of all) {
    if (!NAF_SOUS_CLASSE.test(id)) continue; // divisions, groupes, classes
    const section = sectionForNaf(id);
    if (!section) throw new Error(`Code NAF sans section : ${id}`);
    codes.push({ code: id, libelle: label.trim(), section });
  }

  return db.$transaction(async (tx) => {
    const sections = await upsertChunks(tx, NAF_SECTIONS, UPSERT_NAF_SECTIONS, (c) => [
      c.map((s) => s.code),
      c.map((s) => s.libelle),
    ]);
    const codesStats = await upsertChunks(tx, codes, UPSERT_NAF_CODES, (c) => [
      c.map((x) => x.code),
      c.map((x) => x.libelle),
      c.map((x) => x.section),
    ]);
    return { sections, codes: codesStats };
  }, TX_OPTIONS);
}

// ---------------------------------------------------------------------------------------------
// Curated demo set

/**
 * The demo referentials: the project's curated ROME and diploma extracts (prisma/seed-data),
 * plus levels, geography and NAF.
 */
export async function importCurated(db: DbClient): Promise<CuratedImportStats> {
  const niveaux = await importNiveaux(db);
  const rome = await importRome(db, {
    codesCsv: path.join(CURATED_DIR, 'rome/unix_referentiel_code_rome_curated.csv'),
    appellationsCsv: path.join(CURATED_DIR, 'rome/unix_referentiel_appellation_curated.csv'),
    version: CURATED_VERSION_ROME,
  });
  const diplomes = await importDiplomes(db, path.join(CURATED_DIR, 'diplomes/kit_apprentissage_curated.csv'));
  const geo = await importGeo(db);
  const naf = await importNaf(db);
  return { niveaux, rome, diplomes, geo, naf };
}
