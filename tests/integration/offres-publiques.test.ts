import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getOffrePublique,
  getStatutOffrePublique,
  listOffresSitemap,
  listSearchOptions,
  searchOffresPubliques,
} from '@/lib/data/offres-publiques';
import { db } from '@/lib/db';
import {
  offrePubliqueWith,
  searchOffresPubliquesWith,
  searchOptionsWith,
  statutOffrePubliqueWith,
  type OffresPubliquesFilters,
} from '@/lib/offres-publiques-query';
import { parseOffresPubliquesSearch } from '@/lib/validations/offres-publiques';
import { CARRELEUR, COUVREUR, TECHNICO_COMMERCIAL, createEmployeur, createOffre, createStructure, linkEmployeur } from '@/tests/factories';

// Records of this file carry this prefix (leftovers of an interrupted run are removed first); the
// offers' descriptions carry a random lower-case token so that keyword searches count exactly, and
// they live in communes whose INSEE codes do not exist.
const PREFIX = 'OP-IT';
const run = randomUUID().replace(/-/g, '').slice(0, 8);
const TOKEN = `opit${run}`; // in every offer of this file
const PAGINE = `pagine${run}`; // in the 25 offers of the pagination test
const GUERET = { communeInsee: '23995', commune: 'Guéret-OPIT', codePostal: '23000', departementCode: '23' };
const AUBUSSON = { communeInsee: '23994', commune: 'Aubusson-OPIT', codePostal: '23200', departementCode: '23' };
const BAYONNE = { communeInsee: '64995', commune: 'Bayonne-OPIT', codePostal: '64100', departementCode: '64' };

const numeros: Record<string, number> = {};
const structureIds: string[] = [];
const employeurIds: string[] = [];

async function cleanup(where: { startsWith: string }) {
  const structures = await db.structure.findMany({ where: { raisonSociale: where }, select: { id: true } });
  await db.offre.deleteMany({ where: { structureId: { in: structures.map((s) => s.id) } } });
  await db.structure.deleteMany({ where: { id: { in: structures.map((s) => s.id) } } });
  await db.employeur.deleteMany({ where: { raisonSociale: where } });
}

const search = (filters: OffresPubliquesFilters) => searchOffresPubliques({ ...filters, q: [TOKEN, filters.q].filter(Boolean).join(' ') });
/** The numbers found on every page, sorted. */
async function found(filters: OffresPubliquesFilters) {
  const first = await search({ ...filters, page: 1 });
  const rows = [...first.offres];
  for (let page = 2; page <= first.pageCount; page++) rows.push(...(await search({ ...filters, page })).offres);
  expect(rows).toHaveLength(first.total);
  return rows.map((o) => o.numero).sort((a, b) => a - b);
}
const ids = (...names: string[]) => names.map((n) => numeros[n]!).sort((a, b) => a - b);

beforeAll(async () => {
  await cleanup({ startsWith: PREFIX });
  const marker = `${PREFIX}-${run}`;
  const structure = await createStructure(db, { raisonSociale: `${marker} CFA`, email: 'cfa-opit@exemple.test', telephone: '0555000001' });
  const autre = await createStructure(db, { raisonSociale: `${marker} autre structure` });
  const inactive = await createStructure(db, { raisonSociale: `${marker} désactivée` });
  await db.structure.update({ where: { id: inactive.id }, data: { active: false } });
  structureIds.push(structure.id, autre.id, inactive.id);

  const valide = await createEmployeur(db, { raisonSociale: `${marker} Mosaïques Creusoises`, email: 'secret-opit@exemple.test', telephone: '0555123456', adresse: '3 rue Secrète', domaineActivite: 'F' });
  const attente = await createEmployeur(db, { raisonSociale: `${marker} en attente` });
  const refuse = await createEmployeur(db, { raisonSociale: `${marker} refusé` });
  // validated for « autre » only: its offers posted by « structure » are not public
  const ailleurs = await createEmployeur(db, { raisonSociale: `${marker} validé ailleurs` });
  employeurIds.push(valide.id, attente.id, refuse.id, ailleurs.id);
  await linkEmployeur(db, { structureId: structure.id, employeurId: valide.id });
  await linkEmployeur(db, { structureId: inactive.id, employeurId: valide.id });
  await linkEmployeur(db, { structureId: structure.id, employeurId: attente.id, status: 'EN_ATTENTE' });
  await linkEmployeur(db, { structureId: structure.id, employeurId: refuse.id, status: 'REFUSE', motifRefus: 'Fermé' });
  await linkEmployeur(db, { structureId: autre.id, employeurId: ailleurs.id });
  await linkEmployeur(db, { structureId: structure.id, employeurId: ailleurs.id, status: 'EN_ATTENTE' });

  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
  const offre = async (name: string, data: Partial<Parameters<typeof createOffre>[1]> = {}) => {
    const o = await createOffre(db, {
      structureId: structure.id,
      employeurId: valide.id,
      description: `Offre de test ${TOKEN}.`,
      ...GUERET,
      ...data,
    });
    numeros[name] = o.numero;
  };
  await offre('carreleur', { metier: CARRELEUR, types: ['APPRENTISSAGE'], diplomes: [{ intitule: 'CAP carreleur mosaïste', niveau: 3 }], publishedAt: day(10) });
  await offre('couvreur', {
    metier: COUVREUR,
    ...AUBUSSON,
    types: ['CONTRAT_PRO'],
    diplomes: [
      { intitule: 'CAP couvreur', niveau: 3 },
      { intitule: 'Couvreur-zingueur (BM)', niveau: 5 },
    ],
    publishedAt: day(9),
  });
  await offre('stage', { ...BAYONNE, metier: { appellationCode: '11573', romeCode: 'D1102', metier: 'Boulanger / Boulangère' }, types: ['STAGE_PRO'], diplomes: [{ intitule: 'Licence professionnelle', niveau: 6 }], publishedAt: day(8) });
  await offre('pourvue', { status: 'POURVUE' });
  await offre('archivee', { status: 'ARCHIVEE' });
  await offre('attente', { employeurId: attente.id });
  await offre('refuse', { employeurId: refuse.id });
  await offre('inactive', { structureId: inactive.id });
  await offre('ailleurs', { employeurId: ailleurs.id });
  // the same publication date for all 25: the id breaks the tie, pages must not overlap
  for (let i = 0; i < 25; i++) {
    await offre(`p${i}`, {
      metier: TECHNICO_COMMERCIAL,
      description: `Pagination ${TOKEN} ${PAGINE}`,
      diplomes: [{ intitule: 'Bac pro métiers du commerce et de la vente', niveau: 4 }],
      publishedAt: day(i % 3 === 0 ? 1 : 2),
    });
  }
});

afterAll(async () => {
  await cleanup({ startsWith: `${PREFIX}-${run}` });
});

describe('searchOffresPubliques — mot-clé', () => {
  it('ignores case and accents (métier, diplôme)', async () => {
    for (const q of ['carreleur', 'mosaiste', 'CARRELEUSE', 'mosaïste', 'Carreleur / Carreleuse mosaïste', 'cap carreleur']) {
      expect(await found({ q }), q).toEqual(ids('carreleur'));
    }
  });

  it('searches the commune and the employer name, every word must appear', async () => {
    expect(await found({ q: 'aubusson-opit' })).toEqual(ids('couvreur'));
    expect(await found({ q: 'mosaiques creusoises couvreur' })).toEqual(ids('couvreur'));
    expect(await found({ q: 'couvreur mosaiste' })).toEqual([]);
    expect(await found({ q: 'zingueur' })).toEqual(ids('couvreur'));
  });

  it('survives hostile input: wildcards are literal, quotes harmless, long text cut', async () => {
    for (const q of ['%', '_', '%%', '\\', "'; drop table \"Offre\"; --", 'x'.repeat(10_000)]) {
      const result = await search({ q });
      expect(result.total, JSON.stringify(q.slice(0, 20))).toBe(0);
    }
    // alone (without this file's token) a bare wildcard still matches nothing: it is searched literally
    expect((await searchOffresPubliques({ q: '%' })).total).toBe(0);
    expect((await searchOffresPubliques({ q: '_' })).total).toBe(0);
    // a 10,000-character keyword does not reach the database whole, and fails softly
    expect((await searchOffresPubliques({ q: `carreleur ${'y'.repeat(10_000)}` })).total).toBe(0);
    // a NUL byte (PostgreSQL refuses it in text) is removed before the query
    expect((await search({ q: 'carreleur\u0000' })).offres.map((o) => o.numero)).toEqual(ids('carreleur'));
    expect(await db.offre.count()).toBeGreaterThan(0); // the table is still there
  });
});

describe('searchOffresPubliques — filtres', () => {
  it('only open offers of an active structure whose employer it validated', async () => {
    const all = await found({});
    expect(all).toEqual(ids('carreleur', 'couvreur', 'stage', ...Array.from({ length: 25 }, (_, i) => `p${i}`)));
    for (const hidden of ['pourvue', 'archivee', 'attente', 'refuse', 'inactive', 'ailleurs']) expect(all).not.toContain(numeros[hidden]);
  });

  it('by département and commune', async () => {
    expect(await found({ departement: '64' })).toEqual(ids('stage'));
    expect((await found({ departement: '23' })).length).toBe(27);
    expect(await found({ departement: '23', commune: AUBUSSON.communeInsee })).toEqual(ids('couvreur'));
    expect(await found({ departement: '33' })).toEqual([]);
  });

  it('by type de contrat (any of the chosen types)', async () => {
    expect(await found({ types: ['CONTRAT_PRO'] })).toEqual(ids('couvreur'));
    expect(await found({ types: ['STAGE_PRO'] })).toEqual(ids('stage'));
    expect(await found({ q: 'offre', types: ['APPRENTISSAGE', 'STAGE_PRO'] })).toEqual(ids('carreleur', 'stage'));
  });

  it('by niveau of a diplôme', async () => {
    expect(await found({ q: 'offre', niveau: 3 })).toEqual(ids('carreleur', 'couvreur'));
    expect(await found({ niveau: 5 })).toEqual(ids('couvreur'));
    expect(await found({ niveau: 6 })).toEqual(ids('stage'));
    expect(await found({ niveau: 8 })).toEqual([]);
  });

  it('combines filters', async () => {
    expect(await found({ q: 'couvreur', departement: '23', types: ['CONTRAT_PRO'], niveau: 5 })).toEqual(ids('couvreur'));
    expect(await found({ q: 'couvreur', departement: '64' })).toEqual([]);
  });

  it('returns the card fields, diplômes with their level, and no contact detail', async () => {
    const { offres } = await search({ q: 'couvreur' });
    expect(offres).toEqual([
      {
        numero: numeros.couvreur,
        metier: COUVREUR.metier,
        types: ['CONTRAT_PRO'],
        commune: AUBUSSON.commune,
        codePostal: AUBUSSON.codePostal,
        departementCode: '23',
        departementNom: 'Creuse',
        dateEmbauche: new Date('2027-09-01T00:00:00.000Z'),
        publishedAt: expect.any(Date),
        employeur: `${PREFIX}-${run} Mosaïques Creusoises`,
        diplomes: [
          { intitule: 'CAP couvreur', niveau: 3 },
          { intitule: 'Couvreur-zingueur (BM)', niveau: 5 },
        ],
      },
    ]);
  });
});

describe('searchOffresPubliques — pagination', () => {
  it('20 per page, most recent publication first, no overlap, past the end shows the last page', async () => {
    const page1 = await search({ q: PAGINE, page: 1 });
    expect(page1).toMatchObject({ total: 25, page: 1, pageCount: 2 });
    expect(page1.offres).toHaveLength(20);
    const page2 = await search({ q: PAGINE, page: 2 });
    expect(page2.offres).toHaveLength(5);
    const seen = [...page1.offres, ...page2.offres];
    expect(new Set(seen.map((o) => o.numero)).size).toBe(25);
    const dates = seen.map((o) => o.publishedAt.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    const tooFar = await search({ q: PAGINE, page: 99 });
    expect(tooFar.page).toBe(2);
    expect(tooFar.offres.map((o) => o.numero)).toEqual(page2.offres.map((o) => o.numero));
    expect(await search({ q: 'introuvable', page: 3 })).toMatchObject({ total: 0, page: 1, pageCount: 1, offres: [] });
  });
});

describe('number of SQL statements', () => {
  function countingClient() {
    const counter = { n: 0 };
    const client = db.$extends({
      query: {
        $allOperations({ args, query }) {
          counter.n++;
          return query(args);
        },
      },
    });
    return { client, counter };
  }

  it('is the same whatever the number of results (page + count)', async () => {
    for (const filters of [{ q: `${TOKEN} introuvable` }, { q: `${TOKEN} couvreur` }, { q: PAGINE }, { q: TOKEN, page: 2 }, {}]) {
      const { client, counter } = countingClient();
      await searchOffresPubliquesWith(client, filters);
      expect(counter.n, JSON.stringify(filters)).toBe(2);
    }
    // a page past the end: one more, to fetch the last page
    const { client, counter } = countingClient();
    await searchOffresPubliquesWith(client, { q: PAGINE, page: 50 });
    expect(counter.n).toBe(3);
  });

  it('is one for the form options, the detail and the status', async () => {
    const { client, counter } = countingClient();
    await searchOptionsWith(client, '23');
    await offrePubliqueWith(client, numeros.couvreur!);
    await statutOffrePubliqueWith(client, numeros.pourvue!);
    expect(counter.n).toBe(3);
  });
});

describe('listSearchOptions', () => {
  it('lists the 12 départements and only the chosen one’s communes with open public offers', async () => {
    const options = await listSearchOptions('23');
    expect(options.map((d) => d.code)).toEqual(['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87']);
    const creuse = options.find((d) => d.code === '23')!;
    expect(creuse.communes).toEqual(expect.arrayContaining([{ code: AUBUSSON.communeInsee, nom: AUBUSSON.commune }, { code: GUERET.communeInsee, nom: GUERET.commune }]));
    expect(options.filter((d) => d.code !== '23').every((d) => d.communes === null)).toBe(true);
    // Bayonne-OPIT has an open offer, but département 64 was not chosen
    expect((await listSearchOptions(undefined)).every((d) => d.communes === null)).toBe(true);
    expect((await listSearchOptions('64')).find((d) => d.code === '64')!.communes).toContainEqual({ code: BAYONNE.communeInsee, nom: BAYONNE.commune });
  });
});

describe('getOffrePublique / getStatutOffrePublique', () => {
  it('an open offer: its public fields, never a contact detail nor the street address', async () => {
    const offre = await getOffrePublique(numeros.carreleur!);
    expect(offre).toMatchObject({ status: 'EN_COURS', metier: CARRELEUR.metier, employeurDomaine: 'F', commune: GUERET.commune, nombrePostes: 1, dureeMois: 24 });
    const keys = Object.keys(offre!).join(' ');
    expect(keys).not.toMatch(/email|telephone|adresse/i);
    expect(JSON.stringify(offre)).not.toMatch(/secret-opit|0555123456|Secrète|avenue Thiers|cfa-opit|0555000001/);
  });

  it('knows the status of a public offer, and nothing of a non-public one', async () => {
    expect(await getStatutOffrePublique(numeros.carreleur!)).toBe('EN_COURS');
    expect(await getStatutOffrePublique(numeros.pourvue!)).toBe('POURVUE');
    expect(await getStatutOffrePublique(numeros.archivee!)).toBe('ARCHIVEE');
    expect((await getOffrePublique(numeros.pourvue!))?.status).toBe('POURVUE');
    for (const hidden of ['attente', 'refuse', 'inactive', 'ailleurs']) {
      expect(await getStatutOffrePublique(numeros[hidden]!), hidden).toBeNull();
      expect(await getOffrePublique(numeros[hidden]!), hidden).toBeNull();
    }
    expect(await getStatutOffrePublique(2_000_000_000)).toBeNull();
  });

  it('the sitemap lists open public offers only', async () => {
    const listed = new Set((await listOffresSitemap()).map((o) => o.numero));
    expect(listed.has(numeros.carreleur!)).toBe(true);
    for (const hidden of ['pourvue', 'archivee', 'attente', 'refuse', 'inactive', 'ailleurs']) expect(listed.has(numeros[hidden]!)).toBe(false);
  });
});

describe('parseOffresPubliquesSearch', () => {
  it('keeps valid params and drops invalid ones, never throws', () => {
    expect(parseOffresPubliquesSearch({ q: '  Carreleur   mosaïste ', departement: '33', commune: '33063', type: ['CONTRAT_PRO', 'APPRENTISSAGE', 'X'], niveau: '5', page: '3' })).toEqual({
      q: 'Carreleur mosaïste',
      departement: '33',
      commune: '33063',
      types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
      niveau: 5,
      page: 3,
    });
    expect(parseOffresPubliquesSearch({ q: '', departement: 'abc', commune: '64445', type: 'STAGE', niveau: '9', page: '-1' })).toEqual({
      q: undefined,
      departement: undefined,
      commune: '64445',
      types: [],
      niveau: undefined,
      page: 1,
    });
    // a commune of another département is dropped
    expect(parseOffresPubliquesSearch({ departement: '33', commune: '64445' }).commune).toBeUndefined();
    expect(parseOffresPubliquesSearch({ q: 'x'.repeat(10_000) }).q).toHaveLength(100);
    expect(parseOffresPubliquesSearch({ niveau: '2' }).niveau).toBeUndefined();
    expect(parseOffresPubliquesSearch(undefined).page).toBe(1);
  });
});
