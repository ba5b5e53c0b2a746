import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '@/tests/helpers/db';
import {
  findRomeFiles,
  importCurated,
  importDiplomes,
  importGeo,
  importNaf,
  importNiveaux,
  importRome,
  type UpsertStats,
} from '@/lib/referentiels/import';
import { sectionForNaf } from '@/lib/referentiels/naf-sections';

const db = testDb();
const REFERENTIELS_DIR = process.env.REFERENTIELS_DIR;

// The referential tables are not emptied first: offers and projects of the demo data reference
// them (TRUNCATE … CASCADE would delete those too). Imports are upserts, so the counts below hold
// on a database that already holds the curated set.
async function counts() {
  const [romeCodes, appellations, certifications, niveaux, departements, communes, nafCodes, nafSections] =
    await Promise.all([
      db.romeCode.count(),
      db.romeAppellation.count(),
      db.certification.count(),
      db.niveau.count(),
      db.departement.count(),
      db.commune.count(),
      db.nafCode.count(),
      db.nafSection.count(),
    ]);
  return { romeCodes, appellations, certifications, niveaux, departements, communes, nafCodes, nafSections };
}

function expectNoChange(stats: UpsertStats) {
  expect(stats.inserted).toBe(0);
  expect(stats.updated).toBe(0);
  expect(stats.unchanged).toBe(stats.total);
}

afterAll(async () => {
  await db.$disconnect();
});

describe('importCurated (jeu de démonstration)', () => {
  it('loads the curated ROME and diploma extracts, the levels, the geography and the NAF', async () => {
    const stats = await importCurated(db);
    const c = await counts();

    expect(c.appellations).toBeGreaterThanOrEqual(150);
    expect(c.romeCodes).toBeGreaterThanOrEqual(stats.rome.codes.total);
    expect(c.certifications).toBeGreaterThanOrEqual(100);
    expect(c.niveaux).toBe(6);
    expect(c.departements).toBe(12);
    expect(c.communes).toBe(4293);
    expect(c.nafCodes).toBe(732);
    expect(c.nafSections).toBe(21);
    expect(stats.rome.version).toBe('460');
    expect(stats.rome.appellationsIgnorees).toBe(0);
  });

  it('contains the appellations and diplomas the demo relies on', async () => {
    const appellations = await db.romeAppellation.findMany({
      where: { code: { in: ['11691', '13822', '20291'] } },
      orderBy: { code: 'asc' },
      select: { code: true, libelle: true, romeCode: true, version: true },
    });
    expect(appellations).toEqual([
      { code: '11691', libelle: 'Carreleur / Carreleuse mosaïste', romeCode: 'F1608', version: '460' },
      // ROME 4.0: F1619 (it was F1610 in ROME V3)
      { code: '13822', libelle: 'Couvreur / Couvreuse', romeCode: 'F1619', version: '460' },
      { code: '20291', libelle: 'Technico-commercial / Technico-commerciale', romeCode: 'D1407', version: '460' },
    ]);

    const cap = await db.certification.findFirst({ where: { cfd: '50023325', rncp: 'RNCP39328' } });
    expect(cap).toMatchObject({ intitule: 'CAP - Carreleur Mosaïste', niveau: 3, typeDiplome: 'CAP', active: true });
    const couvreur = await db.certification.findMany({ where: { intitule: { contains: 'Couvreur' } } });
    expect(couvreur.length).toBeGreaterThan(0);
    const ntc = await db.certification.findFirst({ where: { rncp: 'RNCP39063' } });
    expect(ntc).toMatchObject({ cfd: '36T31203', intitule: 'TP - TP Négociateur technico-commercial', niveau: 5 });

    // several diplomas of every level 3..8
    const parNiveau = await db.certification.groupBy({ by: ['niveau'], _count: { _all: true } });
    for (const niveau of [3, 4, 5, 6, 7, 8]) {
      expect(parNiveau.find((g) => g.niveau === niveau)?._count._all ?? 0).toBeGreaterThanOrEqual(2);
    }
  });

  it('stores communes with their postal codes and population, and NAF codes with their section', async () => {
    const bordeaux = await db.commune.findUnique({ where: { code: '33063' } });
    expect(bordeaux).toMatchObject({ nom: 'Bordeaux', departementCode: '33' });
    expect(bordeaux?.codesPostaux).toContain('33000');
    expect(bordeaux?.population).toBeGreaterThan(200_000);
    expect(await db.departement.findUnique({ where: { code: '64' } })).toMatchObject({
      nom: 'Pyrénées-Atlantiques',
      regionCode: '75',
    });

    expect(await db.nafCode.findUnique({ where: { code: '43.33Z' } })).toMatchObject({ sectionCode: 'F' });
    const codes = await db.nafCode.findMany({ select: { code: true, sectionCode: true } });
    for (const { code, sectionCode } of codes) expect(sectionForNaf(code)).toBe(sectionCode);
  });

  it('is idempotent', async () => {
    const before = await counts();
    const stats = await importCurated(db);
    expect(await counts()).toEqual(before);
    expectNoChange(stats.niveaux);
    expectNoChange(stats.rome.codes);
    expectNoChange(stats.rome.appellations);
    expectNoChange(stats.diplomes.certifications);
    expectNoChange(stats.geo.departements);
    expectNoChange(stats.geo.communes);
    expectNoChange(stats.naf.sections);
    expectNoChange(stats.naf.codes);
  });
});

describe.runIf(REFERENTIELS_DIR)('import des référentiels complets (REFERENTIELS_DIR)', () => {
  const dir = REFERENTIELS_DIR ?? '';
  const kit = path.join(dir, 'diplomes/Kit_apprentissage_20250131.csv');

  async function importAll() {
    const rome = await importRome(db, await findRomeFiles(path.join(dir, 'rome')));
    const diplomes = await importDiplomes(db, kit);
    const niveaux = await importNiveaux(db);
    const geo = await importGeo(db);
    const naf = await importNaf(db);
    return { rome, diplomes, niveaux, geo, naf };
  }

  it('finds the ROME files and their version', async () => {
    const files = await findRomeFiles(path.join(dir, 'rome'));
    expect(files.version).toBe('460');
    expect(path.basename(files.codesCsv)).toBe('unix_referentiel_code_rome_v460_utf8.csv');
    expect(path.basename(files.appellationsCsv)).toBe('unix_referentiel_appellation_v460_utf8.csv');
  });

  it('imports the full files', async () => {
    const stats = await importAll();
    const c = await counts();
    expect(c.romeCodes).toBe(1584);
    expect(c.appellations).toBe(13_120);
    // the curated rows are a subset of the kit: same (cfd, rncp) keys, no duplicates
    expect(c.certifications).toBe(6822);
    expect(c.departements).toBe(12);
    expect(c.communes).toBe(4293);
    expect(c.nafCodes).toBe(732);
    expect(c.nafSections).toBe(21);
    expect(stats.rome.appellationsIgnorees).toBe(0);
    expect(stats.diplomes.lignesIgnorees).toBe(0);

    // rows without RNCP number (« NR ») are kept, with a null rncp
    expect(await db.certification.count({ where: { rncp: null } })).toBe(31);
    // no Windows-1252 mojibake left in titles
    expect(await db.certification.count({ where: { intitule: { contains: 'Ã' } } })).toBe(0);
  });

  it('re-imports without error and without changes (idempotent)', async () => {
    const before = await counts();
    const stats = await importAll();
    expect(await counts()).toEqual(before);
    expectNoChange(stats.rome.codes);
    expectNoChange(stats.rome.appellations);
    expectNoChange(stats.diplomes.certifications);
    expectNoChange(stats.geo.communes);
    expectNoChange(stats.naf.codes);
  });

  it('updates rows that changed, keyed by code and by (cfd, rncp) with null-safe matching', async () => {
    await db.romeAppellation.update({ where: { code: '13822' }, data: { libelle: 'modifié', romeCode: 'F1610' } });
    const sansRncp = await db.certification.findFirstOrThrow({ where: { rncp: null } });
    await db.certification.update({ where: { id: sansRncp.id }, data: { intitule: 'modifié' } });

    const stats = await importAll();
    expect(stats.rome.appellations.updated).toBe(1);
    expect(stats.diplomes.certifications.updated).toBe(1);
    expect(stats.diplomes.certifications.inserted).toBe(0);
    expect(await db.romeAppellation.findUnique({ where: { code: '13822' } })).toMatchObject({
      libelle: 'Couvreur / Couvreuse',
      romeCode: 'F1619',
    });
    const after = await db.certification.findUniqueOrThrow({ where: { id: sansRncp.id } });
    expect(after.intitule).not.toBe('modifié');
    expect(await db.certification.count()).toBe(6822);
  });
});
