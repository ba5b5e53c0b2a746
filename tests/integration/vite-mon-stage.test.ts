import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCommunesViteMonStage, listDepartementsNouvelleAquitaine, searchViteMonStage } from '@/lib/data/vite-mon-stage';
import { db } from '@/lib/db';
import { parseViteMonStageSearch } from '@/lib/validations/vite-mon-stage';
import { createStructure } from '@/tests/factories';

// Structures of this file carry this prefix (leftovers of an interrupted run are removed first)
// and live in communes whose INSEE codes do not exist, so that counts are exact.
const PREFIX = 'VMS-IT';
const marker = `${PREFIX}-${randomUUID().slice(0, 8)}`;
const BOURG = { communeInsee: '23998', commune: 'Bourg-VMS', codePostal: '23000', departementCode: '23' };
const AUZANCES = { communeInsee: '23997', commune: 'Auzances-VMS', codePostal: '23700', departementCode: '23' };
const BASQUE = { communeInsee: '64997', commune: 'Village-VMS', codePostal: '64000', departementCode: '64' };
const CACHE = { communeInsee: '64996', commune: 'Cache-VMS', codePostal: '64000', departementCode: '64' };

const names = (rows: { raisonSociale: string }[]) => rows.map((r) => r.raisonSociale).filter((n) => n.startsWith(marker));

async function allPages(filters: Parameters<typeof searchViteMonStage>[0]) {
  const first = await searchViteMonStage({ ...filters, page: 1 });
  const rows = [...first.structures];
  for (let page = 2; page <= first.pageCount; page++) rows.push(...(await searchViteMonStage({ ...filters, page })).structures);
  return rows;
}

beforeAll(async () => {
  await db.structure.deleteMany({ where: { raisonSociale: { startsWith: PREFIX } } });
  // 25 in one commune (pagination), created in random order: the page sorts them
  const order = Array.from({ length: 25 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
  for (const i of order) {
    await createStructure(db, {
      ...BOURG,
      raisonSociale: `${marker} P${String(i).padStart(2, '0')}`,
      accueilStagiaires3e: true,
      accueilStagiaires2de: i % 2 === 0,
    });
  }
  // sorted by commune first: « Auzances » comes before « Bourg » whatever the name
  await createStructure(db, { ...AUZANCES, raisonSociale: `${marker} Z dernière par le nom`, accueilStagiaires2de: true });

  await createStructure(db, { ...BASQUE, raisonSociale: `${marker} 3e seulement`, accueilStagiaires3e: true, domaineActivite: 'F', sigle: 'T3', email: 'stage@exemple.test', telephone: '0559000001' });
  await createStructure(db, { ...BASQUE, raisonSociale: `${marker} 2de seulement`, accueilStagiaires2de: true });
  await createStructure(db, { ...BASQUE, raisonSociale: `${marker} les deux`, accueilStagiaires3e: true, accueilStagiaires2de: true });
  await createStructure(db, { ...BASQUE, raisonSociale: `${marker} aucun niveau` });
  await createStructure(db, { ...BASQUE, raisonSociale: `${marker} incomplète`, accueilStagiaires3e: true, completed: false });
  const inactive = await createStructure(db, { ...CACHE, raisonSociale: `${marker} désactivée`, accueilStagiaires3e: true, accueilStagiaires2de: true });
  await db.structure.update({ where: { id: inactive.id }, data: { active: false } });
});

afterAll(async () => {
  await db.structure.deleteMany({ where: { raisonSociale: { startsWith: marker } } });
});

describe('searchViteMonStage', () => {
  it('lists only active, completed structures that take 3e or 2de interns', async () => {
    const rows = names(await allPages({ departement: '64' }));
    expect(rows.sort()).toEqual([`${marker} 2de seulement`, `${marker} 3e seulement`, `${marker} les deux`].sort());
  });

  it('filters by level', async () => {
    expect(names((await searchViteMonStage({ commune: BASQUE.communeInsee, niveau: '3e' })).structures)).toEqual([
      `${marker} 3e seulement`,
      `${marker} les deux`,
    ]);
    expect(names((await searchViteMonStage({ commune: BASQUE.communeInsee, niveau: '2de' })).structures)).toEqual([
      `${marker} 2de seulement`,
      `${marker} les deux`,
    ]);
    const both = await searchViteMonStage({ commune: BASQUE.communeInsee });
    expect(both.total).toBe(3);
  });

  it('filters by département and commune', async () => {
    const gironde = await allPages({ departement: '33' });
    expect(names(gironde)).toEqual([]);
    expect(gironde.every((s) => s.departementCode === '33')).toBe(true);
    expect(gironde.map((s) => s.raisonSociale)).toContain('CFA du Bâtiment de la Gironde');

    const creuse = await searchViteMonStage({ departement: '23' });
    expect(creuse.total).toBeGreaterThanOrEqual(26);
    const auzances = await searchViteMonStage({ departement: '23', commune: AUZANCES.communeInsee });
    expect(names(auzances.structures)).toEqual([`${marker} Z dernière par le nom`]);
    expect(auzances.total).toBe(1);
    // a commune of another département: nothing (the page drops such a pair before asking)
    expect((await searchViteMonStage({ departement: '33', commune: AUZANCES.communeInsee })).total).toBe(0);
  });

  it('sorts by commune then name, and paginates 20 per page without overlap', async () => {
    const page1 = await searchViteMonStage({ commune: BOURG.communeInsee, page: 1 });
    expect(page1).toMatchObject({ total: 25, page: 1, pageCount: 2 });
    expect(page1.structures).toHaveLength(20);
    const page2 = await searchViteMonStage({ commune: BOURG.communeInsee, page: 2 });
    expect(page2).toMatchObject({ total: 25, page: 2, pageCount: 2 });
    expect(page2.structures).toHaveLength(5);
    const expected = Array.from({ length: 25 }, (_, i) => `${marker} P${String(i + 1).padStart(2, '0')}`);
    expect([...names(page1.structures), ...names(page2.structures)]).toEqual(expected);

    // a page past the end shows the last one
    const tooFar = await searchViteMonStage({ commune: BOURG.communeInsee, page: 9 });
    expect(tooFar.page).toBe(2);
    expect(names(tooFar.structures)).toEqual(expected.slice(20));

    // commune first: Auzances (name « Z… ») before Bourg (names « P… »)
    const creuse = names(await allPages({ departement: '23' }));
    expect(creuse[0]).toBe(`${marker} Z dernière par le nom`);
    expect(creuse.slice(1)).toEqual(expected);

    const twoDe = await searchViteMonStage({ commune: BOURG.communeInsee, niveau: '2de' });
    expect(twoDe.total).toBe(12);
  });

  it('reads only the public fields of a structure', async () => {
    const { structures } = await searchViteMonStage({ commune: BASQUE.communeInsee, niveau: '3e' });
    const card = structures.find((s) => s.raisonSociale === `${marker} 3e seulement`);
    expect(card).toEqual({
      numero: expect.any(Number),
      raisonSociale: `${marker} 3e seulement`,
      sigle: 'T3',
      domaineActivite: 'F',
      codePostal: '64000',
      commune: 'Village-VMS',
      departementCode: '64',
      email: 'stage@exemple.test',
      telephone: '0559000001',
      accueilStagiaires3e: true,
      accueilStagiaires2de: false,
    });
  });

  it('a structure that unticks its boxes leaves the list at once', async () => {
    const s = await createStructure(db, { ...BASQUE, raisonSociale: `${marker} décoche`, accueilStagiaires3e: true });
    expect(names((await searchViteMonStage({ commune: BASQUE.communeInsee })).structures)).toContain(`${marker} décoche`);
    await db.structure.update({ where: { id: s.id }, data: { accueilStagiaires3e: false } });
    expect(names((await searchViteMonStage({ commune: BASQUE.communeInsee })).structures)).not.toContain(`${marker} décoche`);
  });
});

describe('listes du formulaire', () => {
  it('offers the 12 départements of Nouvelle-Aquitaine', async () => {
    const deps = await listDepartementsNouvelleAquitaine();
    expect(deps.map((d) => d.code)).toEqual(['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87']);
    expect(deps.find((d) => d.code === '33')?.nom).toBe('Gironde');
  });

  it('offers only the communes where a listed structure is, once each', async () => {
    const pa = await listCommunesViteMonStage('64');
    expect(pa.filter((c) => c.code === BASQUE.communeInsee)).toEqual([{ code: '64997', nom: 'Village-VMS', departementCode: '64' }]);
    expect(pa.some((c) => c.code === CACHE.communeInsee)).toBe(false); // only a deactivated structure there
    expect(pa.every((c) => c.departementCode === '64')).toBe(true);
    const all = await listCommunesViteMonStage();
    expect(all.map((c) => c.code)).toEqual(expect.arrayContaining(['23997', '23998', '64997', '33063', '64445']));
    // sorted by name, French order
    const noms = all.map((c) => c.nom);
    expect(noms).toEqual([...noms].sort((a, b) => a.localeCompare(b, 'fr')));
  });
});

describe('parseViteMonStageSearch', () => {
  it('reads valid filters', () => {
    expect(parseViteMonStageSearch({ departement: '33', commune: '33063', niveau: '3e', page: '2' })).toEqual({
      departement: '33',
      commune: '33063',
      niveau: '3e',
      page: 2,
    });
  });

  it('ignores invalid values one by one, never throws', () => {
    expect(parseViteMonStageSearch({ departement: '<script>', commune: 'Bordeaux', niveau: '1re', page: '-3' })).toEqual({
      departement: undefined,
      commune: undefined,
      niveau: undefined,
      page: 1,
    });
    expect(parseViteMonStageSearch({ departement: '64', niveau: 'x', page: 'abc' })).toEqual({
      departement: '64',
      commune: undefined,
      niveau: undefined,
      page: 1,
    });
    expect(parseViteMonStageSearch({ page: '1.5' }).page).toBe(1);
    expect(parseViteMonStageSearch({ page: '99999999999' }).page).toBe(1);
    expect(parseViteMonStageSearch(undefined)).toEqual({ departement: undefined, commune: undefined, niveau: undefined, page: 1 });
  });

  it('treats empty fields as no filter and repeated params by their first value', () => {
    expect(parseViteMonStageSearch({ departement: '', commune: '', niveau: '' })).toEqual({
      departement: undefined,
      commune: undefined,
      niveau: undefined,
      page: 1,
    });
    expect(parseViteMonStageSearch({ niveau: ['2de', '3e'], departement: ['87'] })).toMatchObject({ niveau: '2de', departement: '87' });
  });

  it('drops a commune outside the chosen département', () => {
    expect(parseViteMonStageSearch({ departement: '64', commune: '33063' })).toMatchObject({ departement: '64', commune: undefined });
    expect(parseViteMonStageSearch({ commune: '33063' })).toMatchObject({ departement: undefined, commune: '33063' });
  });
});
