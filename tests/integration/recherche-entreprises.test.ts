import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testDb } from '@/tests/helpers/db';
import {
  startFakeRechercheEntreprises,
  loadFixtureResults,
  type FakeRechercheEntreprises,
  type FakeResult,
} from '@/tests/fakes/recherche-entreprises-server';
import {
  CACHE_TTL_MS,
  DEFAULT_TIMEOUT_MS,
  LOOKUP_MESSAGES,
  USER_AGENT,
  lookupEntreprise,
  type LookupOptions,
  type LookupResult,
} from '@/lib/entreprises/recherche-entreprises';

const db = testDb();
let fake: FakeRechercheEntreprises;
let opts: LookupOptions;

const CFA_SIRET = '91357924900016';
const MENUISERIE_SIREN = '924680135';
const BOUTIQUE_FERMEE_SIRET = '92468013500028';
const BOULANGERIE_FERMEE_SIRET = '93579135000017';
const LA_POSTE_PAU_SIRET = '35600000012341';
const INCONNU_SIRET = '91234567500017';

beforeAll(async () => {
  fake = await startFakeRechercheEntreprises();
  opts = { baseUrl: fake.url };
  await db.entrepriseCache.deleteMany();
});

afterAll(async () => {
  await fake.stop();
  await db.entrepriseCache.deleteMany();
  await db.$disconnect();
});

beforeEach(async () => {
  fake.setMode('normal');
  fake.clearRequests();
  fake.resetEntreprises();
  await db.entrepriseCache.deleteMany();
  // the module logs the API's failures: keep the test output readable
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return () => vi.restoreAllMocks();
});

function siretsOf(result: LookupResult): string[] {
  if (result.status !== 'found') throw new Error(`found expected, got ${JSON.stringify(result)}`);
  return result.etablissements.map((e) => e.siret);
}

describe('lookupEntreprise against the fake API', () => {
  it('finds an establishment by SIRET, with the documented request, and caches the answer', async () => {
    const calls: { url: string; headers: Headers }[] = [];
    const fetchImpl: typeof fetch = (input, init) => {
      calls.push({ url: String(input), headers: new Headers(init?.headers) });
      return fetch(input, init);
    };
    const result = await lookupEntreprise(db, ' 913 579 249 00016 ', { ...opts, fetchImpl });

    expect(result).toMatchObject({
      status: 'found',
      etablissements: [
        {
          siret: CFA_SIRET,
          siren: '913579249',
          raisonSociale: "CFA DES METIERS DE L'ESTUAIRE",
          codeNaf: '85.59A',
          domaineActivite: 'P',
          adresse: '10 RUE LUCIEN FAURE',
          codePostal: '33300',
          commune: 'BORDEAUX',
          departementCode: '33',
          estSiege: true,
          etatAdministratif: 'A',
        },
      ],
    });
    expect(fake.requests()).toEqual([CFA_SIRET]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`${fake.url}/search?q=${CFA_SIRET}`);
    expect(calls[0]!.headers.get('accept')).toBe('application/json');
    expect(calls[0]!.headers.get('user-agent')).toBe(USER_AGENT);

    const row = await db.entrepriseCache.findUniqueOrThrow({ where: { query: CFA_SIRET } });
    const cached = row.response as { results: Record<string, unknown>[] };
    expect(cached.results.map((r) => r.siren)).toEqual(['913579249']);
    expect(cached.results[0]).not.toHaveProperty('dirigeants');
  });

  it('lists the establishments of a SIREN, open ones first', async () => {
    const result = await lookupEntreprise(db, MENUISERIE_SIREN, opts);
    expect(siretsOf(result)).toEqual(['92468013500010', BOUTIQUE_FERMEE_SIRET]);
    expect(result).toMatchObject({ etablissements: [{ etatAdministratif: 'A', estSiege: true }, { etatAdministratif: 'F', estSiege: false }] });
    expect(fake.requests()).toEqual([MENUISERIE_SIREN]);
  });

  it('refuses a closed establishment', async () => {
    expect(await lookupEntreprise(db, BOUTIQUE_FERMEE_SIRET, opts)).toMatchObject({
      status: 'closed',
      message: LOOKUP_MESSAGES.closed,
      etablissement: { siret: BOUTIQUE_FERMEE_SIRET, etatAdministratif: 'F', nomCommercial: 'LE COMPTOIR DU BOIS' },
    });
    expect(await lookupEntreprise(db, BOULANGERIE_FERMEE_SIRET, opts)).toMatchObject({
      status: 'closed',
      message: "Cet établissement est fermé (cessation d'activité) : il ne peut pas être enregistré.",
    });
  });

  it('finds a La Poste establishment (checksum by the La Poste exception)', async () => {
    expect(siretsOf(await lookupEntreprise(db, '356 000 000 12341', opts))).toEqual([LA_POSTE_PAU_SIRET]);
  });

  it('answers not_found for an unknown number, and caches it', async () => {
    const result = await lookupEntreprise(db, INCONNU_SIRET, opts);
    expect(result).toEqual({ status: 'not_found', message: 'Aucun établissement trouvé pour ce numéro. Vérifiez-le ou complétez les champs vous-même.' });
    expect(await lookupEntreprise(db, INCONNU_SIRET, opts)).toEqual(result);
    expect(fake.requests()).toEqual([INCONNU_SIRET]);
  });

  it('finds an entreprise added to the fake at run time (in process and over HTTP)', async () => {
    const cfa = loadFixtureResults().find((r) => r.siren === '913579249')!;
    const twin = (siren: string, siret: string): FakeResult => ({
      ...cfa,
      siren,
      nom_complet: `JUMEAU ${siren}`,
      nom_raison_sociale: `JUMEAU ${siren}`,
      siege: { ...cfa.siege, siret },
      matching_etablissements: [{ ...cfa.matching_etablissements![0], siret }],
    });
    fake.addEntreprise(twin('912345675', '91234567500017'));
    const res = await fetch(`${fake.url}/__fake/entreprises`, { method: 'POST', body: JSON.stringify(twin('901234567', '90123456700013')) });
    expect(res.status).toBe(201);

    expect(await lookupEntreprise(db, '91234567500017', opts)).toMatchObject({ status: 'found', etablissements: [{ raisonSociale: 'JUMEAU 912345675' }] });
    expect(await lookupEntreprise(db, '90123456700013', opts)).toMatchObject({ status: 'found', etablissements: [{ raisonSociale: 'JUMEAU 901234567' }] });
  });

  it('uses RECHERCHE_ENTREPRISES_URL when no baseUrl is given', async () => {
    const previous = process.env.RECHERCHE_ENTREPRISES_URL;
    process.env.RECHERCHE_ENTREPRISES_URL = fake.url;
    vi.resetModules();
    try {
      const fresh = await import('@/lib/entreprises/recherche-entreprises');
      expect(siretsOf(await fresh.lookupEntreprise(db, CFA_SIRET))).toEqual([CFA_SIRET]);
      expect(fake.requests()).toEqual([CFA_SIRET]);
    } finally {
      if (previous === undefined) delete process.env.RECHERCHE_ENTREPRISES_URL;
      else process.env.RECHERCHE_ENTREPRISES_URL = previous;
    }
  });
});

describe('failures of the API', () => {
  it('429 → rate_limited', async () => {
    fake.setMode('rate-limit');
    expect(await lookupEntreprise(db, CFA_SIRET, opts)).toEqual({
      status: 'rate_limited',
      message: 'Le service de recherche des entreprises est momentanément saturé : réessayez dans une minute ou complétez les champs vous-même.',
    });
    expect(fake.requests()).toEqual([CFA_SIRET]);
  });

  it('500 → unavailable (error)', async () => {
    fake.setMode('error');
    expect(await lookupEntreprise(db, CFA_SIRET, opts)).toEqual({
      status: 'unavailable',
      reason: 'error',
      message: 'Le service de recherche des entreprises ne répond pas. Complétez les champs vous-même : vous pourrez valider le formulaire.',
    });
  });

  it('socket destroyed → unavailable (error)', async () => {
    fake.setMode('down');
    expect(await lookupEntreprise(db, CFA_SIRET, opts)).toMatchObject({ status: 'unavailable', reason: 'error' });
  });

  it('nothing listening → unavailable (error)', async () => {
    const gone = await startFakeRechercheEntreprises();
    await gone.stop();
    expect(await lookupEntreprise(db, CFA_SIRET, { baseUrl: gone.url })).toMatchObject({ status: 'unavailable', reason: 'error' });
  });

  it('unparsable or unexpected JSON → unavailable (error)', async () => {
    const answer = (body: string): typeof fetch => () => Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));
    for (const body of ['<html>maintenance</html>', '{"results":', '{"erreur":"x"}', '[]']) {
      expect(await lookupEntreprise(db, CFA_SIRET, { ...opts, fetchImpl: answer(body) })).toMatchObject({ status: 'unavailable', reason: 'error' });
    }
    expect(await db.entrepriseCache.count()).toBe(0);
  });

  it('slow → unavailable (timeout), after the given timeout', async () => {
    fake.setMode('slow');
    const started = performance.now();
    const result = await lookupEntreprise(db, CFA_SIRET, { ...opts, timeoutMs: 500 });
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ status: 'unavailable', reason: 'timeout', message: LOOKUP_MESSAGES.unavailable });
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(2000);
  });

  it('slow → unavailable (timeout) with the default 3 s timeout, in less than 4 s', async () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(3000);
    fake.setMode('slow');
    const started = performance.now();
    const result = await lookupEntreprise(db, CFA_SIRET, opts);
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ status: 'unavailable', reason: 'timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(2900);
    expect(elapsed).toBeLessThan(4000);
  });

  it('makes no request for invalid inputs', async () => {
    for (const raw of ['', '   ', 'abc', '913-579-249-00016', '18', '9135792490001', '91357924900017', '913579248', '00000000000000']) {
      expect(await lookupEntreprise(db, raw, opts)).toMatchObject({ status: 'invalid', message: expect.any(String) });
    }
    expect(fake.requests()).toEqual([]);
    expect(await db.entrepriseCache.count()).toBe(0);
  });
});

describe('cache (EntrepriseCache, 24 h)', () => {
  it('reuses an answer for 24 hours, then refetches it', async () => {
    const t0 = new Date('2026-09-10T08:00:00Z');
    expect(CACHE_TTL_MS).toBe(24 * 60 * 60 * 1000);

    const first = await lookupEntreprise(db, CFA_SIRET, { ...opts, now: t0 });
    expect(fake.requests()).toHaveLength(1);

    const later = new Date(t0.getTime() + CACHE_TTL_MS - 60_000);
    expect(await lookupEntreprise(db, CFA_SIRET, { ...opts, now: later })).toEqual(first);
    expect(await lookupEntreprise(db, '913.579.249.00016', { ...opts, now: later })).toEqual(first);
    expect(fake.requests()).toHaveLength(1);

    // the SIREN is another query
    await lookupEntreprise(db, '913579249', { ...opts, now: later });
    expect(fake.requests()).toEqual([CFA_SIRET, '913579249']);

    const expired = new Date(t0.getTime() + CACHE_TTL_MS);
    expect(await lookupEntreprise(db, CFA_SIRET, { ...opts, now: expired })).toEqual(first);
    expect(fake.requests()).toEqual([CFA_SIRET, '913579249', CFA_SIRET]);
    const row = await db.entrepriseCache.findUniqueOrThrow({ where: { query: CFA_SIRET } });
    expect(row.fetchedAt.toISOString()).toBe(expired.toISOString());
  });

  it('refreshes an expired entry with the new answer', async () => {
    const t0 = new Date('2026-09-10T08:00:00Z');
    await lookupEntreprise(db, INCONNU_SIRET, { ...opts, now: t0 });
    const cfa = loadFixtureResults().find((r) => r.siren === '913579249')!;
    fake.addEntreprise({
      ...cfa,
      siren: '912345675',
      siege: { ...cfa.siege, siret: INCONNU_SIRET },
      matching_etablissements: [{ ...cfa.matching_etablissements![0], siret: INCONNU_SIRET }],
    });
    // still the cached not_found within 24 h…
    expect(await lookupEntreprise(db, INCONNU_SIRET, { ...opts, now: new Date(t0.getTime() + 3_600_000) })).toMatchObject({ status: 'not_found' });
    // …then the new answer
    expect(await lookupEntreprise(db, INCONNU_SIRET, { ...opts, now: new Date(t0.getTime() + CACHE_TTL_MS + 1) })).toMatchObject({ status: 'found' });
    expect(fake.requests()).toEqual([INCONNU_SIRET, INCONNU_SIRET]);
  });

  it('caches closed answers too', async () => {
    await lookupEntreprise(db, BOULANGERIE_FERMEE_SIRET, opts);
    expect(await lookupEntreprise(db, BOULANGERIE_FERMEE_SIRET, opts)).toMatchObject({ status: 'closed' });
    expect(fake.requests()).toEqual([BOULANGERIE_FERMEE_SIRET]);
  });

  it('does not cache errors', async () => {
    for (const mode of ['rate-limit', 'error', 'down'] as const) {
      fake.setMode(mode);
      expect((await lookupEntreprise(db, CFA_SIRET, opts)).status).not.toBe('found');
    }
    fake.setMode('slow');
    expect(await lookupEntreprise(db, CFA_SIRET, { ...opts, timeoutMs: 200 })).toMatchObject({ reason: 'timeout' });
    expect(await db.entrepriseCache.count()).toBe(0);

    fake.setMode('normal');
    expect((await lookupEntreprise(db, CFA_SIRET, opts)).status).toBe('found');
    expect(fake.requests()).toHaveLength(5);
    expect(await db.entrepriseCache.count()).toBe(1);
  });

  it('measures the lookup time, uncached and cached', async () => {
    const N = 20;
    let uncached = 0;
    for (let i = 0; i < N; i++) {
      await db.entrepriseCache.deleteMany();
      const started = performance.now();
      const result = await lookupEntreprise(db, CFA_SIRET, opts);
      uncached += performance.now() - started;
      expect(result.status).toBe('found');
    }
    expect(fake.requests()).toHaveLength(N);

    let cached = 0;
    for (let i = 0; i < N; i++) {
      const started = performance.now();
      const result = await lookupEntreprise(db, CFA_SIRET, opts);
      cached += performance.now() - started;
      expect(result.status).toBe('found');
    }
    expect(fake.requests()).toHaveLength(N);

    console.log(
      `[recherche-entreprises] temps moyen sur ${N} recherches : sans cache (faux serveur local) ${(uncached / N).toFixed(1)} ms, avec cache ${(cached / N).toFixed(1)} ms`,
    );
  });
});

describe('fake server control endpoints', () => {
  it('switches mode, lists and clears the requests over HTTP', async () => {
    const post = await fetch(`${fake.url}/__fake/mode`, { method: 'POST', body: JSON.stringify({ mode: 'rate-limit' }) });
    expect(await post.json()).toEqual({ mode: 'rate-limit' });
    const limited = await fetch(`${fake.url}/search?q=${CFA_SIRET}`);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toHaveProperty('erreur');

    expect((await fetch(`${fake.url}/__fake/mode`, { method: 'POST', body: JSON.stringify({ mode: 'nope' }) })).status).toBe(400);
    await fetch(`${fake.url}/__fake/mode`, { method: 'POST', body: JSON.stringify({ mode: 'normal' }) });

    const unknown = await fetch(`${fake.url}/search?q=${INCONNU_SIRET}`);
    expect(await unknown.json()).toEqual({ results: [], total_results: 0, page: 1, per_page: 10, total_pages: 0 });

    expect(await (await fetch(`${fake.url}/__fake/requests`)).json()).toEqual([CFA_SIRET, INCONNU_SIRET]);
    expect((await fetch(`${fake.url}/__fake/requests`, { method: 'DELETE' })).status).toBe(204);
    expect(fake.requests()).toEqual([]);
  });
});
