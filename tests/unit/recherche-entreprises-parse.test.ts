import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  adresseLigne,
  asSearchResponse,
  cacheableResponse,
  departementFromCommune,
  formatNaf,
  interpretSearchResponse,
  libelleTrancheEffectif,
  LOOKUP_MESSAGES,
  TRANCHES_EFFECTIFS,
  type ApiSearchResponse,
  type Etablissement,
  type LookupResult,
} from '@/lib/entreprises/recherche-entreprises';
import { buildSearchResponse, loadFixtureResults } from '@/tests/fakes/recherche-entreprises-server';

const REFERENTIELS_DIR = process.env.REFERENTIELS_DIR;
const catalog = loadFixtureResults();

/** What lookupEntreprise would make of the fake API's answer to this (already valid) number. */
function parse(value: string, body: unknown = buildSearchResponse(catalog, value)): LookupResult {
  const response = asSearchResponse(body);
  if (!response) throw new Error('not an API response');
  return interpretSearchResponse(response, { kind: value.length === 14 ? 'siret' : 'siren', value });
}

function found(result: LookupResult): Etablissement[] {
  if (result.status !== 'found') throw new Error(`found expected, got ${JSON.stringify(result)}`);
  return result.etablissements;
}

describe('fixture responses → Etablissement', () => {
  it('an open CFA, siège in Bordeaux, by SIRET', () => {
    expect(found(parse('91357924900016'))).toEqual([
      {
        siret: '91357924900016',
        siren: '913579249',
        raisonSociale: "CFA DES METIERS DE L'ESTUAIRE",
        sigle: 'CFAME',
        nomCommercial: null,
        codeNaf: '85.59A',
        domaineActivite: 'P',
        libelleDomaine: 'Enseignement',
        effectif: '21',
        libelleEffectif: '50 à 99 salariés',
        adresse: '10 RUE LUCIEN FAURE',
        complementAdresse: null,
        codePostal: '33300',
        commune: 'BORDEAUX',
        communeInsee: '33063',
        departementCode: '33',
        estSiege: true,
        etatAdministratif: 'A',
      },
    ]);
  });

  it('a SIREN gives every establishment, open ones first, the siège with its complement', () => {
    const [siege, boutique, ...rest] = found(parse('924680135'));
    expect(rest).toEqual([]);
    expect(siege).toMatchObject({
      siret: '92468013500010',
      estSiege: true,
      etatAdministratif: 'A',
      codeNaf: '43.32A',
      domaineActivite: 'F',
      libelleDomaine: 'Construction',
      effectif: '11',
      libelleEffectif: '10 à 19 salariés',
      adresse: '14 AVENUE DES RESINIERS',
      complementAdresse: "PARC D'ACTIVITES DES PINS",
      codePostal: '33260',
      commune: 'LA TESTE-DE-BUCH',
      communeInsee: '33529',
      departementCode: '33',
    });
    // a matching establishment only has `adresse`: postcode and commune are cut off; its own NAF is
    // in another section than the unité légale's, so the domaine comes from its NAF; no staff band
    // of its own: the unité légale's
    expect(boutique).toMatchObject({
      siret: '92468013500028',
      estSiege: false,
      etatAdministratif: 'F',
      nomCommercial: 'LE COMPTOIR DU BOIS',
      codeNaf: '47.52A',
      domaineActivite: 'G',
      libelleDomaine: "Commerce ; réparation d'automobiles et de motocycles",
      effectif: '11',
      adresse: '5 BOULEVARD DE LA PLAGE',
      complementAdresse: null,
      codePostal: '33120',
      commune: 'ARCACHON',
      communeInsee: '33009',
    });
  });

  it('a closed establishment is refused, with its data and the message', () => {
    const result = parse('92468013500028');
    expect(result).toMatchObject({ status: 'closed', message: LOOKUP_MESSAGES.closed, etablissement: { siret: '92468013500028', etatAdministratif: 'F' } });
    expect(parse('93579135000017')).toMatchObject({
      status: 'closed',
      message: LOOKUP_MESSAGES.closed,
      etablissement: { raisonSociale: 'BOULANGERIE DES CHARTRONS', codeNaf: '10.71C', domaineActivite: 'C', effectif: null, libelleEffectif: null, adresse: '42 RUE NOTRE-DAME' },
    });
  });

  it('a SIREN whose establishments are all closed is refused too', () => {
    expect(parse('935791350')).toMatchObject({ status: 'closed', message: LOOKUP_MESSAGES.closedEntreprise, etablissement: { siret: '93579135000017' } });
  });

  it('a La Poste establishment (SIRET valid by the La Poste exception)', () => {
    expect(found(parse('35600000012341'))).toEqual([
      expect.objectContaining({
        siret: '35600000012341',
        siren: '356000000',
        raisonSociale: 'LA POSTE',
        nomCommercial: 'BUREAU DE POSTE PAU JOFFRE',
        codeNaf: '53.10Z',
        domaineActivite: 'H',
        libelleDomaine: 'Transports et entreposage',
        effectif: '11',
        adresse: '21 RUE DU MARECHAL JOFFRE',
        codePostal: '64000',
        commune: 'PAU',
        communeInsee: '64445',
        departementCode: '64',
        estSiege: false,
      }),
    ]);
  });

  it('a siège found only as `siege` (not in matching_etablissements)', () => {
    const body = buildSearchResponse(catalog, '35600000000048');
    expect(body.results[0]?.matching_etablissements).toEqual([]);
    expect(found(parse('35600000000048', body))).toEqual([
      expect.objectContaining({
        siret: '35600000000048',
        estSiege: true,
        adresse: '9 RUE DU COLONEL PIERRE AVIA',
        complementAdresse: 'DIRECTION GENERALE DE LA POSTE',
        effectif: '53',
        libelleEffectif: '10 000 salariés et plus',
        departementCode: '75',
      }),
    ]);
  });

  it('an entrepreneur individuel: nom_complet, enseigne, repetition index, staff band of the unité légale', () => {
    expect(found(parse('94680246900019'))).toEqual([
      expect.objectContaining({
        raisonSociale: 'CAMILLE EXEMPLE',
        sigle: null,
        nomCommercial: 'SALON LA BELLE COIFFE',
        codeNaf: '96.02A',
        domaineActivite: 'S',
        adresse: '3 B PLACE DE LA MOTTE',
        effectif: '01',
        libelleEffectif: '1 ou 2 salariés',
        commune: 'LIMOGES',
        departementCode: '87',
      }),
    ]);
  });

  it('not_found: empty results, an unknown SIRET of a known SIREN, or results of another SIREN only', () => {
    expect(parse('91234567500017')).toEqual({ status: 'not_found', message: LOOKUP_MESSAGES.notFound });
    expect(parse('91357924900024')).toEqual({ status: 'not_found', message: LOOKUP_MESSAGES.notFound });
    const otherSiren = buildSearchResponse(catalog, '913579249');
    expect(parse('924680135', otherSiren)).toEqual({ status: 'not_found', message: LOOKUP_MESSAGES.notFound });
    expect(parse('92468013500010', otherSiren)).toEqual({ status: 'not_found', message: LOOKUP_MESSAGES.notFound });
  });

  it('rejects bodies that are not an API answer', () => {
    for (const body of [null, 'x', [], {}, { results: 'x' }, { results: [1] }]) expect(asSearchResponse(body)).toBeNull();
    expect(asSearchResponse({ results: [] })).toEqual({ results: [] });
  });

  it('keeps in the cache only the SIREN asked for, without dirigeants', () => {
    const body = asSearchResponse({ ...buildSearchResponse(catalog, '913579249'), results: catalog }) as ApiSearchResponse;
    const kept = cacheableResponse(body, '913579249');
    expect(kept.results.map((r) => r.siren)).toEqual(['913579249']);
    expect(kept.results[0]).not.toHaveProperty('dirigeants');
    expect(kept.results[0]).toHaveProperty('siege');
    expect(kept).toMatchObject({ page: 1, per_page: 10 });
  });
});

describe('helpers', () => {
  it('formatNaf', () => {
    expect(formatNaf('43.33Z')).toBe('43.33Z');
    expect(formatNaf('4333Z')).toBe('43.33Z');
    expect(formatNaf(' 43.33z ')).toBe('43.33Z');
    expect(formatNaf('15.8C')).toBe('15.8C');
    expect(formatNaf('')).toBeNull();
    expect(formatNaf(null)).toBeNull();
  });

  it('departementFromCommune', () => {
    expect(departementFromCommune('33063')).toBe('33');
    expect(departementFromCommune('64445')).toBe('64');
    expect(departementFromCommune('2A004')).toBe('2A');
    expect(departementFromCommune('97411')).toBe('974');
    expect(departementFromCommune('97105')).toBe('971');
    expect(departementFromCommune('3306')).toBeNull();
    expect(departementFromCommune(null)).toBeNull();
  });

  it('adresseLigne', () => {
    expect(adresseLigne({ numero_voie: '7', type_voie: 'RUE', libelle_voie: 'DU NIL', adresse: '7 RUE DU NIL 75002 PARIS' })).toBe('7 RUE DU NIL');
    expect(adresseLigne({ adresse: '8 RUE PAUL BERT 75011 PARIS', code_postal: '75011' })).toBe('8 RUE PAUL BERT');
    expect(adresseLigne({ adresse: 'ZA DU LAC 2 RUE DES PINS 33260 LA TESTE-DE-BUCH', code_postal: '33260', complement_adresse: 'ZA DU LAC' })).toBe('2 RUE DES PINS');
    expect(adresseLigne({ adresse: '12 ALLEE DES TILLEULS 33000 BORDEAUX CEDEX' })).toBe('12 ALLEE DES TILLEULS');
    expect(adresseLigne({ adresse: '33000 BORDEAUX', code_postal: '33000' })).toBeNull();
    expect(adresseLigne({})).toBeNull();
  });

  it('libelleTrancheEffectif', () => {
    expect(libelleTrancheEffectif('12')).toBe('20 à 49 salariés');
    expect(libelleTrancheEffectif('NN')).toBe('Unité non employeuse');
    expect(libelleTrancheEffectif('99')).toBeNull();
    expect(libelleTrancheEffectif(null)).toBeNull();
    expect(Object.keys(TRANCHES_EFFECTIFS)).toHaveLength(16);
  });
});

describe.runIf(REFERENTIELS_DIR)('données partagées réelles (REFERENTIELS_DIR)', () => {
  const dir = path.join(REFERENTIELS_DIR ?? '', 'entreprises');

  it('parses the real `/search?q=<siret>` sample', () => {
    const sample: unknown = JSON.parse(readFileSync(path.join(dir, 'recherche-entreprises.search-by-siret.sample.json'), 'utf8'));
    expect(found(parse('81280923400030', sample))).toEqual([
      {
        siret: '81280923400030',
        siren: '812809234',
        raisonSociale: 'BOULANGERIE DU NIL',
        sigle: null,
        nomCommercial: null,
        codeNaf: '10.71C',
        domaineActivite: 'C',
        libelleDomaine: 'Industrie manufacturière',
        effectif: 'NN',
        libelleEffectif: 'Unité non employeuse',
        adresse: '8 RUE PAUL BERT',
        complementAdresse: null,
        codePostal: '75011',
        commune: 'PARIS',
        communeInsee: '75111',
        departementCode: '75',
        estSiege: false,
        etatAdministratif: 'A',
      },
    ]);
    // the same answer read for the SIREN: the siège (with its own NAF, 70.10Z, section M) comes first
    const bySiren = found(parse('812809234', sample));
    expect(bySiren.map((e) => e.siret)).toEqual(['81280923400014', '81280923400030']);
    expect(bySiren[0]).toMatchObject({ estSiege: true, adresse: '7 RUE DU NIL', codeNaf: '70.10Z', domaineActivite: 'M', effectif: '12', libelleEffectif: '20 à 49 salariés' });
  });

  it('encodes the same INSEE staff-size bands as the shared file', () => {
    const { _source: _ignored, ...bands } = JSON.parse(readFileSync(path.join(dir, 'tranches-effectifs.json'), 'utf8')) as Record<string, string>;
    expect(TRANCHES_EFFECTIFS).toEqual(bands);
  });
});
