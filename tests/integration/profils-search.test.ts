import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/guards';
import { createProjet as createProjetData, updateProjet } from '@/lib/data/candidat';
import { searchProfils, type ProfilsFilters } from '@/lib/data/profils';
import { db } from '@/lib/db';
import { countQuery, pageQuery } from '@/lib/profils-query';
import { projetSchema, type ProjetInput } from '@/lib/validations/candidat';
import { PROFILS_PAGE_SIZE, parseProfilsSearch } from '@/lib/validations/profils';
import { CARRELEUR, COUVREUR, TECHNICO_COMMERCIAL, createActeur, createProjet, createStructure, createUser } from '@/tests/factories';
import { currentUserOf } from '@/tests/helpers/current-user';

/**
 * lib/data/profils.ts searchProfils (« Recherche de profils »). The test database is shared with
 * the demo data and other files: each test looks at the projects of this file only (their numbers),
 * collected over every page of the results, in the order the search gives them.
 */

const run = randomUUID().replace(/-/g, '').slice(0, 8);
const MARKER = `PS-IT-${run}`;
/** A word in the diplôme of the 23 projects of the pagination test only. */
const PAGINE = `pagine${run}`;

const numeros: Record<string, number> = {};
const mine = new Set<number>();
let staff: StaffUser;
let autreStaff: StaffUser;

async function all(user: StaffUser, filters: ProfilsFilters) {
  const first = await searchProfils(user, filters, 1);
  const items = [...first.items];
  for (let page = 2; page <= first.pages; page++) items.push(...(await searchProfils(user, filters, page)).items);
  expect(items).toHaveLength(first.total);
  expect(new Set(items.map((i) => i.numero)).size, 'no project twice').toBe(items.length);
  return { items, total: first.total };
}
/** The names of this file's projects found, in the search's order. */
async function found(filters: ProfilsFilters, user: StaffUser = staff): Promise<string[]> {
  const byNumero = new Map(Object.entries(numeros).map(([name, n]) => [n, name]));
  return (await all(user, filters)).items.filter((i) => byNumero.has(i.numero)).map((i) => byNumero.get(i.numero)!);
}
const sorted = (names: string[]) => [...names].sort();
/** Without the projects of the pagination test. */
const mineOnly = (names: string[]) => names.filter((n) => !n.startsWith('page') && n !== 'presque');

beforeAll(async () => {
  const structure = await createStructure(db, { raisonSociale: `${MARKER} CFA` });
  staff = (await currentUserOf(db, (await createActeur(db, structure.id, 'UTILISATEUR')).id)) as StaffUser;
  autreStaff = (await currentUserOf(db, (await createActeur(db, structure.id, 'GESTIONNAIRE')).id)) as StaffUser;

  const candidat = await createUser(db, { role: 'CANDIDAT', prenom: 'Zoé', nom: MARKER });
  const inactif = await createUser(db, { role: 'CANDIDAT', prenom: 'Inès', nom: MARKER, active: false });
  const add = async (name: string, data: Omit<Parameters<typeof createProjet>[1], 'candidatId'> & { candidatId?: string }) => {
    const p = await createProjet(db, { candidatId: candidat.id, ...data });
    numeros[name] = p.numero;
    mine.add(p.numero);
    return p;
  };

  // carreleur, Gironde, apprentissage, CAP (niveau 3)
  await add('carreleur', { metier: CARRELEUR, types: ['APPRENTISSAGE'], diplomeIntitule: 'CAP carreleur mosaïste', niveau: 3, departements: ['33'] });
  // ranking: « zelligeur » in the métier, in the diplôme only, or a near match only (« zellige »)
  await add('zelligeur', {
    metier: { appellationCode: '99998', romeCode: 'F1608', metier: 'Zelligeur / Zelligeuse' },
    types: ['APPRENTISSAGE'],
    diplomeIntitule: 'CAP zelligeur mosaïste',
    niveau: 3,
    departements: ['33'],
  });
  await add('plaquiste', {
    metier: { appellationCode: '16072', romeCode: 'F1604', metier: 'Plaquiste' },
    types: ['CONTRAT_PRO'],
    diplomeIntitule: 'CAP zelligeur',
    niveau: 3,
    departements: ['40'],
  });
  await add('poseur', {
    metier: { appellationCode: '99999', romeCode: 'F1608', metier: 'Poseur / Poseuse de zellige' },
    types: ['STAGE_PRO'],
    diplomeIntitule: 'Titre professionnel poseur',
    niveau: 4,
    departements: ['64'],
  });
  // whole region, contrat pro, niveau 5
  await add('technico', { metier: TECHNICO_COMMERCIAL, types: ['CONTRAT_PRO'], diplomeIntitule: 'BTS négociation et digitalisation de la relation client', niveau: 5, zoneRegion: true, departements: [] });
  // Landes, apprentissage + contrat pro
  await add('couvreur', { metier: COUVREUR, types: ['APPRENTISSAGE', 'CONTRAT_PRO'], diplomeIntitule: 'CAP couvreur', niveau: 3, departements: ['40', '64'] });
  // never found: no consent, or a deactivated account
  await add('invisible', { metier: CARRELEUR, types: ['APPRENTISSAGE'], diplomeIntitule: 'CAP carreleur mosaïste', niveau: 3, visible: false });
  await add('desactive', { candidatId: inactif.id, metier: CARRELEUR, types: ['APPRENTISSAGE'], diplomeIntitule: 'CAP carreleur mosaïste', niveau: 3 });
  for (let i = 1; i <= 23; i++) {
    await add(`page${i}`, { metier: COUVREUR, types: ['STAGE_PRO'], diplomeIntitule: `Diplôme ${PAGINE}`, niveau: 6, departements: ['87'] });
  }
  // a near match of PAGINE (one letter less), at another level
  await add('presque', { metier: COUVREUR, types: ['STAGE_PRO'], diplomeIntitule: `Diplôme ${PAGINE.replace('pagine', 'pagin')}`, niveau: 7, departements: ['87'] });
  await db.favori.create({ data: { userId: staff.id, projetId: (await db.projet.findUniqueOrThrow({ where: { numero: numeros.carreleur! } })).id } });
});

afterAll(async () => {
  await db.user.deleteMany({ where: { nom: MARKER } });
  await db.structure.deleteMany({ where: { raisonSociale: `${MARKER} CFA` } });
  await db.$disconnect();
});

describe('keyword: French full text, accents, case, word forms and typos', () => {
  it.each(['carreleur', 'CARRELEUSE', 'mosaiste', 'Mosaïstes', 'carleur', 'carreleurs', 'carleur apprentisage', 'Carreleuse mosaïste'])('« %s » finds the carreleur project', async (q) => {
    expect(await found({ q })).toContain('carreleur');
  });

  it('finds the seeded « Carreleur / Carreleuse mosaïste » of the demo too, never the invisible one', async () => {
    const { items } = await all(staff, { q: 'carreleur' });
    const seeded = await db.projet.findMany({ where: { candidat: { email: { in: ['candidat@exemple.test', 'theo.candidat@exemple.test'] } }, metier: CARRELEUR.metier }, select: { numero: true, visible: true } });
    for (const p of seeded) expect(items.some((i) => i.numero === p.numero), `projet ${p.numero}`).toBe(p.visible);
  });

  it('contract-type words match the types: « apprentissage », « contrat pro », « stage »', async () => {
    expect(sorted(mineOnly(await found({ q: 'apprentissage' })))).toEqual(['carreleur', 'couvreur', 'zelligeur']);
    expect(sorted(mineOnly(await found({ q: "contrat d'apprentissage" })))).toEqual(['carreleur', 'couvreur', 'zelligeur']);
    expect(sorted(await found({ q: 'contrat pro' }))).toEqual(['couvreur', 'plaquiste', 'technico']);
    expect(sorted(await found({ q: 'contrat de professionnalisation' }))).toEqual(['couvreur', 'plaquiste', 'technico']);
    const stages = await found({ q: 'stage' });
    expect(stages).toContain('poseur');
    expect(stages.filter((n) => n.startsWith('page'))).toHaveLength(23);
    expect(stages).toContain('presque');
    expect(stages).not.toContain('carreleur');
  });

  it('several words must all match (métier + type)', async () => {
    expect(sorted(await found({ q: 'couvreur apprentissage' }))).toEqual(['couvreur']);
  });

  it('the invisible project and the projects of deactivated candidates never appear', async () => {
    for (const q of ['carreleur', 'carleur', 'apprentissage', 'mosaiste', undefined]) {
      const names = await found({ q });
      expect(names).not.toContain('invisible');
      expect(names).not.toContain('desactive');
    }
  });

  it('ranks an exact métier match before a diplôme match, and both before a near match', async () => {
    expect(await found({ q: 'zelligeur' })).toEqual(['zelligeur', 'plaquiste', 'poseur']);
    expect(await found({ q: 'Zelligeurs' })).toEqual(['zelligeur', 'plaquiste', 'poseur']);
  });

  it('near matches complete the full-text results only when those do not fill a page', async () => {
    // 23 full-text matches: the near match « pagin… » is not added
    const { items, total } = await all(staff, { q: PAGINE });
    expect(total).toBe(23);
    expect(items.map((i) => i.numero)).not.toContain(numeros.presque);
    // no full-text match at that level: the near match is found
    expect(await found({ q: PAGINE, niveau: 7 })).toEqual(['presque']);
  });

  it('a keyword of one or two characters looks for full words only (no near-match noise)', async () => {
    expect(await found({ q: 'zz' })).toEqual([]);
  });
});

describe('advanced filters narrow the results', () => {
  it('département: the projects looking there, and the whole-region ones', async () => {
    expect(sorted(mineOnly(await found({ departement: '40' })))).toEqual(['couvreur', 'plaquiste', 'technico']);
    expect(sorted(mineOnly(await found({ departement: '33' })))).toEqual(['carreleur', 'technico', 'zelligeur']);
    expect(await found({ q: 'zelligeur', departement: '64' })).toEqual(['poseur']);
    expect(await found({ q: 'zelligeur', departement: '40' })).toEqual(['plaquiste']);
  });

  it('type de contrat', async () => {
    expect(sorted(mineOnly(await found({ type: 'CONTRAT_PRO' })))).toEqual(['couvreur', 'plaquiste', 'technico']);
    expect(await found({ q: 'zelligeur', type: 'APPRENTISSAGE' })).toEqual(['zelligeur']);
    expect(await found({ q: 'zelligeur', type: 'STAGE_PRO' })).toEqual(['poseur']);
  });

  it('niveau', async () => {
    expect(sorted(mineOnly(await found({ niveau: 3 })))).toEqual(['carreleur', 'couvreur', 'plaquiste', 'zelligeur']);
    expect(await found({ q: 'zelligeur', niveau: 4 })).toEqual(['poseur']);
    expect(await found({ q: 'zelligeur', niveau: 3, type: 'STAGE_PRO' })).toEqual([]);
  });

  it('without keyword: the most recently updated first', async () => {
    await db.projet.update({ where: { numero: numeros.couvreur! }, data: { dureeAnnees: 3 } });
    const first = await searchProfils(staff, {}, 1);
    expect(first.items[0]!.numero).toBe(numeros.couvreur);
  });
});

describe('results', () => {
  it('20 per page, pages that neither overlap nor skip, a page past the end shows the last one', async () => {
    const page1 = await searchProfils(staff, { q: PAGINE }, 1);
    const page2 = await searchProfils(staff, { q: PAGINE }, 2);
    expect(page1).toMatchObject({ total: 23, pages: 2, page: 1 });
    expect(page1.items).toHaveLength(PROFILS_PAGE_SIZE);
    expect(page2.items).toHaveLength(3);
    const seen = new Set([...page1.items, ...page2.items].map((i) => i.numero));
    expect(seen.size).toBe(23);
    for (let i = 1; i <= 23; i++) expect(seen.has(numeros[`page${i}`]!)).toBe(true);
    const past = await searchProfils(staff, { q: PAGINE }, 99);
    expect(past.page).toBe(2);
    expect(past.items.map((i) => i.numero)).toEqual(page2.items.map((i) => i.numero));
    expect(await searchProfils(staff, { q: `introuvable${run}` }, 1)).toEqual({ items: [], total: 0, page: 1, pages: 1 });
  });

  it('each card: the project only (never the candidate), and whether it is in the user’s favourites', async () => {
    const { items } = await all(staff, { q: 'carreleur', departement: '33', type: 'APPRENTISSAGE' });
    const card = items.find((i) => i.numero === numeros.carreleur)!;
    expect(card).toEqual({
      numero: numeros.carreleur,
      metier: CARRELEUR.metier,
      types: ['APPRENTISSAGE'],
      niveau: 3,
      diplomeIntitule: 'CAP carreleur mosaïste',
      dureeAnnees: 2,
      zoneRegion: false,
      departements: ['33'],
      favori: true,
    });
    // favourites belong to the user: a colleague does not see it as his
    const other = (await all(autreStaff, { q: 'carreleur', departement: '33' })).items.find((i) => i.numero === numeros.carreleur)!;
    expect(other.favori).toBe(false);
  });

  it('hostile input is only ever a search term', async () => {
    const inputs = [
      `'; DROP TABLE "Projet"; --`,
      `carreleur' OR '1'='1`,
      `carreleur") OR 1=1 --`,
      '%_\\',
      '"unterminated',
      'a & b | !c <-> :*',
      '((((',
      'or or -',
      '\u0000\u0007',
      'é'.repeat(100),
    ];
    for (const q of inputs) {
      const params = parseProfilsSearch({ q });
      await expect(searchProfils(staff, params, 1)).resolves.toMatchObject({ page: 1 });
    }
    const hostile = await all(staff, { q: `carreleur' OR '1'='1` });
    expect(hostile.items.map((i) => i.numero)).not.toContain(numeros.technico);
    expect(await db.projet.count()).toBeGreaterThan(0);
  });

  it('the statements take the user input as bind parameters only', () => {
    const q = `x'); DROP TABLE "Projet"; --`;
    const filters = { q, departement: '33', type: 'APPRENTISSAGE', niveau: 3 } as const;
    for (const sql of [pageQuery('u', filters, 1), countQuery(filters), pageQuery('u', filters, 2, 'near'), countQuery(filters, 'near')]) {
      expect(sql.sql).not.toContain('DROP');
      expect(sql.values).toContain(q);
    }
  });
});

describe('the search columns follow the project', () => {
  it('createProjet / updateProjet (« Mes projets ») rebuild them in their transaction', async () => {
    const candidat = await createUser(db, { role: 'CANDIDAT', nom: MARKER });
    const cap = await db.certification.findFirstOrThrow({ where: { intituleRecherche: 'cap - carreleur mosaiste' }, select: { id: true } });
    const capCouvreur = await db.certification.findFirstOrThrow({ where: { intituleRecherche: 'cap - couvreur' }, select: { id: true } });
    const input = (overrides: Partial<ProjetInput>): ProjetInput => ({
      appellationCode: CARRELEUR.appellationCode,
      metier: '',
      types: ['APPRENTISSAGE'],
      certificationId: cap.id,
      diplomeIntitule: '',
      dureeAnnees: '2',
      zoneRegion: false,
      departements: ['19'],
      formations: [],
      experiences: [],
      visible: true,
      ...overrides,
    });
    const { numero } = await createProjetData({ id: candidat.id }, projetSchema.parse(input({})));
    numeros.viaForm = numero;
    const row = await db.projet.findUniqueOrThrow({ where: { numero }, select: { searchText: true } });
    expect(row.searchText).toBe("carreleur / carreleuse mosaiste cap - carreleur mosaiste contrat d'apprentissage");
    expect(await found({ q: 'mosaiste', departement: '19' })).toEqual(['viaForm']);

    await updateProjet({ id: candidat.id }, numero, projetSchema.parse(input({ appellationCode: COUVREUR.appellationCode, certificationId: capCouvreur.id, types: ['STAGE_PRO'] })));
    expect(await found({ q: 'mosaiste', departement: '19' })).toEqual([]);
    expect(await found({ q: 'couvreuse stage', departement: '19' })).toEqual(['viaForm']);
  });
});

describe('parseProfilsSearch: invalid params are ignored, never an error', () => {
  it('keeps the valid ones', () => {
    expect(parseProfilsSearch({ q: '  carreleur   mosaïste ', departement: '33', type: 'CONTRAT_PRO', niveau: '5', page: '2' })).toEqual({
      q: 'carreleur mosaïste',
      departement: '33',
      type: 'CONTRAT_PRO',
      niveau: 5,
      page: 2,
    });
  });

  it('drops the others one by one', () => {
    expect(parseProfilsSearch({ q: '', departement: '75', type: 'CDI', niveau: '12', page: '-1' })).toEqual({
      q: undefined,
      departement: undefined,
      type: undefined,
      niveau: undefined,
      page: 1,
    });
    expect(parseProfilsSearch({ departement: ['40', '33'], niveau: 'abc', page: 'x' })).toMatchObject({ departement: '40', niveau: undefined, page: 1 });
    expect(parseProfilsSearch(undefined)).toMatchObject({ page: 1 });
  });

  it('cuts the keyword at 100 characters', () => {
    expect(parseProfilsSearch({ q: 'a'.repeat(250) }).q).toHaveLength(100);
  });
});
