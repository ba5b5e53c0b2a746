/**
 * SIRET / SIREN lookup through the public API « Recherche d'entreprises »
 * (https://recherche-entreprises.api.gouv.fr, no key, about 7 requests/s per IP then HTTP 429).
 *
 * - `validateSiretInput` checks what the user typed (no request).
 * - `lookupEntreprise` asks `GET {baseUrl}/search?q=<siret|siren>` (3 s timeout) and turns the answer
 *   into `Etablissement`s ready to prefill a form; every outcome the user sees carries a French message.
 * - Successful answers (found / closed / not_found) are cached 24 hours in `EntrepriseCache`, keyed by
 *   the normalized number; the raw API body is stored so that parsing can evolve. Errors are never cached.
 *
 * No 'server-only' here: the module takes its database client as a parameter and is tested directly.
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import type { DbClient } from '@/lib/prisma-client';
import { serverEnv } from '@/lib/env';
import { isValidSiren, isValidSiret, normalizeSiret } from '@/lib/entreprises/siret';
import { libelleNafSection, sectionForNaf } from '@/lib/referentiels/naf-sections';

// ── Public types ────────────────────────────────────────────────────────────────────────────────

export type EtatAdministratif = 'A' | 'F';

export type Etablissement = {
  /** 14 digits. */
  siret: string;
  /** 9 digits. */
  siren: string;
  /** `nom_raison_sociale`, else `nom_complet` (entrepreneurs individuels have no raison sociale). */
  raisonSociale: string;
  sigle: string | null;
  /** First `liste_enseignes` entry, else `nom_commercial`, else null. */
  nomCommercial: string | null;
  /** NAF of the establishment, « 43.33Z ». */
  codeNaf: string | null;
  /** NAF section letter A–U (« domaine d'activité »). */
  domaineActivite: string | null;
  libelleDomaine: string | null;
  /** INSEE staff-size band code (« 12 », « NN »…), of the establishment, else of the unité légale. */
  effectif: string | null;
  /** « 20 à 49 salariés »… */
  libelleEffectif: string | null;
  /** Street line, « 10 RUE LUCIEN FAURE ». */
  adresse: string | null;
  complementAdresse: string | null;
  codePostal: string | null;
  /** `libelle_commune`, « BORDEAUX ». */
  commune: string | null;
  /** INSEE commune code, « 33063 ». */
  communeInsee: string | null;
  /** « 33 », « 2A », « 974 ». */
  departementCode: string | null;
  estSiege: boolean;
  etatAdministratif: EtatAdministratif;
};

export type LookupResult =
  | { status: 'found'; etablissements: Etablissement[] }
  | { status: 'closed'; etablissement: Etablissement; message: string }
  | { status: 'not_found'; message: string }
  | { status: 'invalid'; message: string }
  | { status: 'rate_limited'; message: string }
  | { status: 'unavailable'; reason: 'timeout' | 'error'; message: string };

export type SiretInputValidation =
  | { ok: true; kind: 'siret' | 'siren'; value: string }
  | { ok: false; message: string };

export type LookupOptions = {
  /** Defaults to serverEnv().RECHERCHE_ENTREPRISES_URL. */
  baseUrl?: string;
  /** Defaults to DEFAULT_TIMEOUT_MS (3 s), headers and body included. */
  timeoutMs?: number;
  /** « Now », for the cache (defaults to the current date). */
  now?: Date;
  fetchImpl?: typeof fetch;
};

// ── Constants ───────────────────────────────────────────────────────────────────────────────────

export const CACHE_TTL_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_TIMEOUT_MS = 3000;
export const USER_AGENT = 'CMonAlternance (equipe@cmonalternance-na.fr)';

export const LOOKUP_MESSAGES = {
  empty: 'Saisissez un numéro de SIRET (14 chiffres) ou de SIREN (9 chiffres).',
  nonDigits: 'Le numéro ne doit contenir que des chiffres (14 pour un SIRET, 9 pour un SIREN).',
  wrongLength: (n: number) =>
    `Le numéro doit compter 14 chiffres (SIRET) ou 9 chiffres (SIREN) : vous en avez saisi ${n}.`,
  invalidSiret: "Ce numéro de SIRET n'est pas valide : vérifiez les chiffres saisis.",
  invalidSiren: "Ce numéro de SIREN n'est pas valide : vérifiez les chiffres saisis.",
  notFound: 'Aucun établissement trouvé pour ce numéro. Vérifiez-le ou complétez les champs vous-même.',
  closed: "Cet établissement est fermé (cessation d'activité) : il ne peut pas être enregistré.",
  closedEntreprise:
    "Tous les établissements de cette entreprise sont fermés (cessation d'activité) : elle ne peut pas être enregistrée.",
  rateLimited:
    'Le service de recherche des entreprises est momentanément saturé : réessayez dans une minute ou complétez les champs vous-même.',
  unavailable:
    'Le service de recherche des entreprises ne répond pas. Complétez les champs vous-même : vous pourrez valider le formulaire.',
} as const;

/** INSEE staff-size bands (Sirene « tranche d'effectif salarié »), as used by recherche-entreprises. */
export const TRANCHES_EFFECTIFS: Readonly<Record<string, string>> = {
  NN: 'Unité non employeuse',
  '00': '0 salarié',
  '01': '1 ou 2 salariés',
  '02': '3 à 5 salariés',
  '03': '6 à 9 salariés',
  '11': '10 à 19 salariés',
  '12': '20 à 49 salariés',
  '21': '50 à 99 salariés',
  '22': '100 à 199 salariés',
  '31': '200 à 249 salariés',
  '32': '250 à 499 salariés',
  '41': '500 à 999 salariés',
  '42': '1 000 à 1 999 salariés',
  '51': '2 000 à 4 999 salariés',
  '52': '5 000 à 9 999 salariés',
  '53': '10 000 salariés et plus',
};

export function libelleTrancheEffectif(code: string | null | undefined): string | null {
  return code ? (TRANCHES_EFFECTIFS[code] ?? null) : null;
}

// ── Validation ──────────────────────────────────────────────────────────────────────────────────

export function validateSiretInput(raw: string): SiretInputValidation {
  const value = normalizeSiret(raw ?? '');
  if (value === '') return { ok: false, message: LOOKUP_MESSAGES.empty };
  if (!/^\d+$/.test(value)) return { ok: false, message: LOOKUP_MESSAGES.nonDigits };
  if (value.length === 14) {
    return isValidSiret(value) ? { ok: true, kind: 'siret', value } : { ok: false, message: LOOKUP_MESSAGES.invalidSiret };
  }
  if (value.length === 9) {
    return isValidSiren(value) ? { ok: true, kind: 'siren', value } : { ok: false, message: LOOKUP_MESSAGES.invalidSiren };
  }
  return { ok: false, message: LOOKUP_MESSAGES.wrongLength(value.length) };
}

// ── The API's shape (only what is read; everything may be missing or null) ─────────────────────

type Nullable<T> = T | null | undefined;

export type ApiEtablissement = {
  siret?: Nullable<string>;
  activite_principale?: Nullable<string>;
  tranche_effectif_salarie?: Nullable<string>;
  adresse?: Nullable<string>;
  complement_adresse?: Nullable<string>;
  numero_voie?: Nullable<string>;
  indice_repetition?: Nullable<string>;
  type_voie?: Nullable<string>;
  libelle_voie?: Nullable<string>;
  code_postal?: Nullable<string>;
  commune?: Nullable<string>;
  libelle_commune?: Nullable<string>;
  departement?: Nullable<string>;
  est_siege?: Nullable<boolean>;
  etat_administratif?: Nullable<string>;
  liste_enseignes?: Nullable<string[]>;
  nom_commercial?: Nullable<string>;
};

export type ApiUniteLegale = {
  siren?: Nullable<string>;
  nom_complet?: Nullable<string>;
  nom_raison_sociale?: Nullable<string>;
  sigle?: Nullable<string>;
  activite_principale?: Nullable<string>;
  section_activite_principale?: Nullable<string>;
  tranche_effectif_salarie?: Nullable<string>;
  etat_administratif?: Nullable<string>;
  siege?: Nullable<ApiEtablissement>;
  matching_etablissements?: Nullable<ApiEtablissement[]>;
};

export type ApiSearchResponse = {
  results: ApiUniteLegale[];
  total_results?: number;
  page?: number;
  per_page?: number;
  total_pages?: number;
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The body when it has the API's shape (`results` an array of objects), else null. */
export function asSearchResponse(body: unknown): ApiSearchResponse | null {
  if (!isRecord(body) || !Array.isArray(body.results)) return null;
  if (!body.results.every(isRecord)) return null;
  return body as unknown as ApiSearchResponse;
}

// ── Parsing ─────────────────────────────────────────────────────────────────────────────────────

function str(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim().replace(/\s+/g, ' ');
  return t === '' ? null : t;
}

/** « 4333Z » / « 43.33z » → « 43.33Z »; other spellings are kept as given (upper-cased). */
export function formatNaf(code: unknown): string | null {
  const v = str(code)?.toUpperCase().replace(/\s/g, '') ?? null;
  if (!v) return null;
  const m = /^(\d{2})\.?(\d{2})([A-Z])$/.exec(v);
  return m ? `${m[1]}.${m[2]}${m[3]}` : v;
}

/** « 33063 » → « 33 », « 2A004 » → « 2A », « 97411 » → « 974 ». */
export function departementFromCommune(code: unknown): string | null {
  const v = str(code)?.toUpperCase() ?? null;
  if (!v || !/^(\d{5}|2[AB]\d{3})$/.test(v)) return null;
  return v.startsWith('97') || v.startsWith('98') ? v.slice(0, 3) : v.slice(0, 2);
}

/**
 * The street line. The `siege` object has the parts (numero_voie, indice_repetition, type_voie,
 * libelle_voie); `matching_etablissements` only have `adresse`
 * (« [complément] 8 RUE PAUL BERT 75011 PARIS »), from which postcode, commune and complement are cut.
 */
export function adresseLigne(e: ApiEtablissement): string | null {
  const parts = [e.numero_voie, e.indice_repetition, e.type_voie, e.libelle_voie].map(str).filter((p): p is string => p !== null);
  if (parts.length > 0) return parts.join(' ');

  let line = str(e.adresse);
  if (!line) return null;
  const cp = str(e.code_postal);
  const cut = cp ? line.lastIndexOf(` ${cp}`) : -1;
  if (cut >= 0) line = line.slice(0, cut);
  else if (cp && line.startsWith(cp)) return null;
  else line = line.replace(/\s*\b\d{5}\b(?!.*\b\d{5}\b).*$/, '');
  const complement = str(e.complement_adresse);
  if (complement && line.startsWith(complement)) line = line.slice(complement.length);
  return str(line);
}

export function toEtablissement(ul: ApiUniteLegale, e: ApiEtablissement): Etablissement {
  const siret = str(e.siret) ?? '';
  const codeNaf = formatNaf(e.activite_principale) ?? formatNaf(ul.activite_principale);
  const ulSection = str(ul.section_activite_principale)?.toUpperCase() ?? null;
  const nafSection = sectionForNaf(codeNaf);
  const domaineActivite = ulSection && (nafSection === null || nafSection === ulSection) ? ulSection : nafSection;
  const effectif = str(e.tranche_effectif_salarie) ?? str(ul.tranche_effectif_salarie);
  const communeInsee = str(e.commune);
  return {
    siret,
    siren: str(ul.siren) ?? siret.slice(0, 9),
    raisonSociale: str(ul.nom_raison_sociale) ?? str(ul.nom_complet) ?? '',
    sigle: str(ul.sigle),
    nomCommercial: (Array.isArray(e.liste_enseignes) ? e.liste_enseignes.map(str).find((x) => x !== null) : null) ?? str(e.nom_commercial),
    codeNaf,
    domaineActivite,
    libelleDomaine: libelleNafSection(domaineActivite),
    effectif,
    libelleEffectif: libelleTrancheEffectif(effectif),
    adresse: adresseLigne(e),
    complementAdresse: str(e.complement_adresse),
    codePostal: str(e.code_postal),
    commune: str(e.libelle_commune),
    communeInsee,
    departementCode: departementFromCommune(communeInsee) ?? str(e.departement),
    estSiege: e.est_siege === true || (!!ul.siege && str(ul.siege.siret) === siret),
    etatAdministratif: str(e.etat_administratif)?.toUpperCase() === 'F' ? 'F' : 'A',
  };
}

/** Every establishment the answer gives for a unité légale (`matching_etablissements` + `siege`), by SIRET. */
function etablissementsOf(ul: ApiUniteLegale): Etablissement[] {
  const bySiret = new Map<string, ApiEtablissement>();
  for (const e of ul.matching_etablissements ?? []) {
    const siret = isRecord(e) ? str(e.siret) : null;
    if (siret && !bySiret.has(siret)) bySiret.set(siret, e);
  }
  // the siege object is the richer one (address parts, complement): it wins over its matching copy
  const siege = isRecord(ul.siege) ? ul.siege : null;
  const siegeSiret = siege ? str(siege.siret) : null;
  if (siege && siegeSiret) bySiret.set(siegeSiret, { ...bySiret.get(siegeSiret), ...siege });
  return [...bySiret.values()].map((e) => toEtablissement(ul, e));
}

/**
 * The outcome of a 200 answer for a validated query (14 digits: one establishment; 9: all of them,
 * open ones first, the siège first among them). Only results of the query's SIREN are considered.
 */
export function interpretSearchResponse(
  response: ApiSearchResponse,
  query: { kind: 'siret' | 'siren'; value: string },
): Extract<LookupResult, { status: 'found' | 'closed' | 'not_found' }> {
  const siren = query.value.slice(0, 9);
  const all = response.results.filter((ul) => str(ul.siren) === siren).flatMap(etablissementsOf);
  const unique = [...new Map(all.map((e) => [e.siret, e])).values()];

  if (query.kind === 'siret') {
    const match = unique.find((e) => e.siret === query.value);
    if (!match) return { status: 'not_found', message: LOOKUP_MESSAGES.notFound };
    if (match.etatAdministratif === 'F') return { status: 'closed', etablissement: match, message: LOOKUP_MESSAGES.closed };
    return { status: 'found', etablissements: [match] };
  }

  if (unique.length === 0) return { status: 'not_found', message: LOOKUP_MESSAGES.notFound };
  const rank = (e: Etablissement) => (e.etatAdministratif === 'A' ? 0 : 2) + (e.estSiege ? 0 : 1);
  const sorted = unique.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i).map(({ e }) => e);
  if (sorted.every((e) => e.etatAdministratif === 'F')) {
    return { status: 'closed', etablissement: sorted[0]!, message: LOOKUP_MESSAGES.closedEntreprise };
  }
  return { status: 'found', etablissements: sorted };
}

// ── Lookup ──────────────────────────────────────────────────────────────────────────────────────

type FetchOutcome =
  | { ok: true; body: ApiSearchResponse }
  | { ok: false; result: Extract<LookupResult, { status: 'rate_limited' | 'unavailable' }> };

function unavailable(reason: 'timeout' | 'error'): FetchOutcome {
  return { ok: false, result: { status: 'unavailable', reason, message: LOOKUP_MESSAGES.unavailable } };
}

function isTimeout(err: unknown, signal: AbortSignal): boolean {
  if (err instanceof Error && err.name === 'TimeoutError') return true;
  const reason: unknown = signal.aborted ? signal.reason : null;
  return reason instanceof Error && reason.name === 'TimeoutError';
}

async function fetchSearch(q: string, baseUrl: string, timeoutMs: number, fetchImpl: typeof fetch): Promise<FetchOutcome> {
  const url = `${baseUrl.replace(/\/+$/, '')}/search?q=${encodeURIComponent(q)}`;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetchImpl(url, {
      method: 'GET',
      headers: { Accept: 'application/json', 'User-Agent': USER_AGENT },
      signal,
      cache: 'no-store',
    });
    if (res.status === 429) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, result: { status: 'rate_limited', message: LOOKUP_MESSAGES.rateLimited } };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      console.warn(`[recherche-entreprises] HTTP ${res.status} pour q=${q}`);
      return unavailable('error');
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      console.warn(`[recherche-entreprises] réponse illisible (JSON invalide) pour q=${q}`);
      return unavailable('error');
    }
    const body = asSearchResponse(parsed);
    if (!body) {
      console.warn(`[recherche-entreprises] réponse inattendue (pas de « results ») pour q=${q}`);
      return unavailable('error');
    }
    return { ok: true, body };
  } catch (err) {
    if (isTimeout(err, signal)) {
      console.warn(`[recherche-entreprises] pas de réponse en ${timeoutMs} ms pour q=${q}`);
      return unavailable('timeout');
    }
    console.warn(`[recherche-entreprises] échec de la requête pour q=${q} : ${(err as Error)?.message ?? String(err)}`);
    return unavailable('error');
  }
}

async function readCache(db: DbClient, key: string, now: Date): Promise<ApiSearchResponse | null> {
  try {
    const row = await db.entrepriseCache.findUnique({ where: { query: key } });
    if (!row || now.getTime() - row.fetchedAt.getTime() >= CACHE_TTL_MS) return null;
    return asSearchResponse(row.response);
  } catch (err) {
    // the cache is an optimisation: without it the lookup still works
    console.warn(`[recherche-entreprises] cache illisible pour ${key} :`, err);
    return null;
  }
}

/**
 * What is kept of an answer: the results of the query's SIREN only, without `dirigeants` (names and
 * birth dates of people, which the platform does not need), in the API's own shape.
 */
export function cacheableResponse(body: ApiSearchResponse, siren: string): ApiSearchResponse {
  const results = body.results
    .filter((ul) => str(ul.siren) === siren)
    .map((ul) => Object.fromEntries(Object.entries(ul).filter(([k]) => k !== 'dirigeants')) as ApiUniteLegale);
  return { ...body, results };
}

async function writeCache(db: DbClient, key: string, body: ApiSearchResponse, now: Date): Promise<void> {
  const response = cacheableResponse(body, key.slice(0, 9)) as unknown as Prisma.InputJsonValue;
  try {
    await db.entrepriseCache.upsert({
      where: { query: key },
      create: { query: key, response, fetchedAt: now },
      update: { response, fetchedAt: now },
    });
  } catch (err) {
    console.warn(`[recherche-entreprises] cache non enregistré pour ${key} :`, err);
  }
}

/**
 * Looks a SIRET (one establishment) or a SIREN (its establishments, to pick one) up. Never throws
 * for the API's or the network's failures: they come back as `rate_limited` / `unavailable`, and the
 * user can then fill the form in by hand.
 */
export async function lookupEntreprise(db: DbClient, raw: string, opts: LookupOptions = {}): Promise<LookupResult> {
  const input = validateSiretInput(raw);
  if (!input.ok) return { status: 'invalid', message: input.message };
  const query = { kind: input.kind, value: input.value };
  const now = opts.now ?? new Date();

  const cached = await readCache(db, input.value, now);
  if (cached) return interpretSearchResponse(cached, query);

  const outcome = await fetchSearch(
    input.value,
    opts.baseUrl ?? serverEnv().RECHERCHE_ENTREPRISES_URL,
    opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    opts.fetchImpl ?? fetch,
  );
  if (!outcome.ok) return outcome.result;
  await writeCache(db, input.value, outcome.body, now);
  return interpretSearchResponse(outcome.body, query);
}
