/**
 * The regional-scale data set of the benchmarks (`npm run bench:seed -- --scale 1`): five years of
 * Nouvelle-Aquitaine drawn from the referentials already in the database (ROME appellations,
 * certifications with their levels, communes of the 12 départements weighted by population, NAF
 * codes), reproducible from a seed number, bulk-loaded with COPY.
 *
 * At scale 1: 2,000 structures, 8,000 acteurs, 30,000 employers (with their structure links),
 * 100,000 offers (all statuses, 1–2 diplômes each), 200,000 candidates with 250,000 projects
 * (trainings and experiences), 1,000,000 applications (with the offer and project snapshots the
 * app stores), 200,000 favourites; then the app's own SQL fills the search columns and the app's
 * own alert refresh computes the alerts of the benchmark structure.
 *
 * Structure n°1 is the benchmark structure: 500 offers and 5,000 applications, its gestionnaire and
 * a candidate sign in with BENCH_ACCOUNTS.
 *
 * Loading: foreign-key triggers are off for the loading session (session_replication_role =
 * replica: the generator only writes ids it generated, and the tests check referential integrity
 * afterwards), secondary indexes are dropped before COPY and rebuilt after (one sort each instead
 * of 1,000,000 insertions), then VACUUM ANALYZE brings the tables to a live database's steady
 * state (statistics, visibility map for index-only scans).
 */
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { offreSnapshotOf, projetSnapshotOf, type ProjetSnapshot } from '@/lib/candidatures/snapshots';
import { EMPLOYEUR_SEARCH_SET_SQL, OFFRE_SEARCH_SET_SQL, PROJET_SEARCH_SET_SQL } from '@/lib/search';

export const BENCH_PASSWORD = 'Alternance2026!';
export const BENCH_ACCOUNTS = {
  gestionnaire: 'gestionnaire@bench.cmonalternance.test',
  candidat: 'candidat1@bench.cmonalternance.test',
  admin: 'admin@bench.cmonalternance.test',
} as const;

/** Row counts at scale 1 (the issue's figures). */
export const SCALE_1 = {
  structures: 2_000,
  acteurs: 8_000,
  employeurs: 30_000,
  offres: 100_000,
  candidats: 200_000,
  projets: 250_000,
  candidatures: 1_000_000,
  favoris: 200_000,
} as const;
export type Counts = Record<keyof typeof SCALE_1, number>;

/** The benchmark structure (n°1): « a structure with 500 offers and 5,000 applications ». */
export const BENCH_STRUCTURE = { offres: 500, candidatures: 5_000 } as const;

export function countsAt(scale: number): Counts {
  const c = Object.fromEntries(Object.entries(SCALE_1).map(([k, v]) => [k, Math.max(1, Math.round(v * scale))])) as Counts;
  // the benchmark structure needs its 500 offers and 5,000 applications, whatever the scale
  c.structures = Math.max(c.structures, 2);
  c.acteurs = Math.max(c.acteurs, 2 * c.structures);
  c.employeurs = Math.max(c.employeurs, 2 * c.structures + 4);
  c.offres = Math.max(c.offres, Math.min(BENCH_STRUCTURE.offres, 50) + c.structures);
  c.candidats = Math.max(c.candidats, 20);
  c.projets = Math.max(c.projets, c.candidats);
  return c;
}

// ───────────────────────────── Reproducible randomness ─────────────────────────────

/** mulberry32: a tiny seeded PRNG (same seed → same data set). */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(xs: readonly T[]) => xs[int(xs.length)]!,
    chance: (p: number) => next() < p,
    /** Zipf-like skew: low indexes are drawn far more often (a few métiers dominate the region). */
    skewed: (n: number, power = 2.2) => Math.min(n - 1, Math.floor(n * Math.pow(next(), power))),
  };
}
type Rng = ReturnType<typeof prng>;

/** Cumulative weights → index, by binary search. */
function weightedPicker(weights: number[]) {
  const cumul: number[] = [];
  let total = 0;
  for (const w of weights) cumul.push((total += Math.max(w, 1)));
  return (rng: Rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumul.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumul[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

// ───────────────────────────── COPY text format ─────────────────────────────

type Cell = string | number | boolean | null | undefined | Date | readonly string[];

function cell(v: Cell): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return `{${v.map((x) => `"${String(x).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`.replace(/[\\\t\n\r]/g, esc);
  if (typeof v === 'string') return v.replace(/[\\\t\n\r]/g, esc);
  return String(v);
}
function esc(c: string) {
  return c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r';
}
const line = (cells: Cell[]) => `${cells.map(cell).join('\t')}\n`;

async function copy(client: pg.Client, table: string, columns: string[], rows: Iterable<Cell[]>): Promise<number> {
  let n = 0;
  function* chunks() {
    let buffer = '';
    for (const r of rows) {
      buffer += line(r);
      n++;
      if (buffer.length > 1 << 16) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks()), stream);
  return n;
}

// ───────────────────────────── French data ─────────────────────────────

const PRENOMS = ['Léa', 'Lucas', 'Emma', 'Hugo', 'Chloé', 'Louis', 'Manon', 'Nathan', 'Inès', 'Théo', 'Jade', 'Enzo', 'Camille', 'Mathis', 'Sarah', 'Tom', 'Lina', 'Noah', 'Zoé', 'Ethan', 'Clara', 'Maël', 'Anaïs', 'Yanis', 'Océane', 'Kylian', 'Maëlys', 'Axel', 'Louna', 'Sacha'];
const NOMS = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Lafitte', 'Etcheverry', 'Dupuy', 'Lacoste', 'Bordes', 'Laborde', 'Darrigrand', 'Castaing', 'Faure', 'Chevalier'];
const ENTREPRISES_1 = ['Ateliers', 'Boulangerie', 'Garage', 'Menuiserie', 'Cabinet', 'Société', 'Établissements', 'Maison', 'Salon', 'Hôtel', 'Restaurant', 'Pharmacie', 'Transports', 'Charpentes', 'Électricité'];
const ENTREPRISES_2 = ['Dupont', 'Martin', 'du Centre', "de l'Atlantique", 'Aquitaine', 'des Landes', 'du Périgord', 'Béarnaise', 'Limousine', 'Charentaise', 'Poitevine', 'Océane', 'du Médoc', 'des Graves', 'Basque'];
const STRUCTURE_TYPES = ['CFA', 'CFA', 'CFA', 'MISSION_LOCALE', 'ORGANISME_FORMATION', 'CAP_EMPLOI', 'AUTRE'] as const;
const STRUCTURE_PREFIX: Record<(typeof STRUCTURE_TYPES)[number], string> = {
  CFA: 'CFA',
  MISSION_LOCALE: 'Mission locale',
  ORGANISME_FORMATION: 'Organisme de formation',
  CAP_EMPLOI: 'Cap emploi',
  AUTRE: 'Association',
};
const RUES = ['rue des Écoles', 'avenue de la République', 'cours Victor Hugo', 'place de la Mairie', 'rue du Commerce', 'allée des Tilleuls', 'boulevard Gambetta', 'rue Jean Jaurès'];
const TYPES_COMBOS = [['APPRENTISSAGE'], ['APPRENTISSAGE'], ['APPRENTISSAGE', 'CONTRAT_PRO'], ['CONTRAT_PRO'], ['STAGE_PRO'], ['APPRENTISSAGE', 'CONTRAT_PRO', 'STAGE_PRO']] as const;
const MESSAGES = [
  "Bonjour, je suis très motivé(e) par ce poste et disponible pour un entretien.",
  'Bonjour, votre offre correspond à mon projet de formation. Je reste à votre disposition.',
  "Je termine ma seconde et souhaite découvrir ce métier en alternance.",
];
const REPONSES_ENTRETIEN = ['Bonjour, pouvez-vous venir en entretien mardi à 10 h ?', 'Merci pour votre candidature : appelez-nous pour fixer un entretien.'];
const REPONSES_REFUS = ['Merci pour votre candidature, le poste est déjà pourvu.', "Votre profil ne correspond pas au niveau demandé pour cette formation."];
const FORMATIONS = ['Brevet des collèges', 'Seconde générale', 'CAP en cours', 'Baccalauréat professionnel', 'BTS', 'Licence'];
const EXPERIENCES = ['STAGE', 'EMPLOI', 'JOB_ETUDIANT', 'BENEVOLAT'] as const;

const DAY = 86_400_000;
/** Five years of activity, up to the generator's fixed "now" (reproducible: not the wall clock). */
export const BENCH_NOW = new Date('2026-11-15T09:00:00.000Z');
const START = BENCH_NOW.getTime() - 5 * 365 * DAY;

const id = (prefix: string, i: number) => `${prefix}${i.toString(36).padStart(7, '0')}`;
const siret = (kind: number, i: number) => `${kind}${String(i).padStart(13, '0')}`;

// ───────────────────────────── Referentials from the database ─────────────────────────────

interface Refs {
  appellations: { code: string; libelle: string; romeCode: string; version: string }[];
  certifications: { id: string; intitule: string; niveau: number }[];
  communes: { code: string; nom: string; dep: string; cp: string | null; population: number }[];
  naf: { code: string; section: string }[];
}

async function loadRefs(client: pg.Client): Promise<Refs> {
  // one client: one query at a time; ordered by natural keys (ids are generated at import)
  const a = await client.query('SELECT code, libelle, "romeCode", version FROM "RomeAppellation" ORDER BY code');
  const c = await client.query('SELECT id, intitule, niveau FROM "Certification" WHERE active AND niveau BETWEEN 3 AND 7 ORDER BY intitule, niveau, cfd, rncp');
  const m = await client.query(`SELECT c.code, c.nom, c."departementCode" AS dep, c."codesPostaux"[1] AS cp, coalesce(c.population, 100) AS population
                  FROM "Commune" c JOIN "Departement" d ON d.code = c."departementCode" WHERE d."regionCode" = '75' ORDER BY c.code`);
  const n = await client.query('SELECT code, "sectionCode" AS section FROM "NafCode" ORDER BY code');
  const refs: Refs = { appellations: a.rows, certifications: c.rows, communes: m.rows, naf: n.rows };
  for (const [name, rows] of Object.entries(refs)) {
    if (rows.length === 0) throw new Error(`Référentiel vide (${name}) : importez les référentiels avant de générer les données.`);
  }
  return refs;
}

// ───────────────────────────── Indexes off during the load ─────────────────────────────

const LOADED_TABLES = [
  'Structure', 'User', 'Membership', 'Employeur', 'StructureEmployeur', 'Offre', 'OffreDiplome', 'Projet',
  'ProjetFormation', 'ProjetExperience', 'Candidature', 'Favori',
] as const;

async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace ns ON ns.oid = t.relnamespace
     WHERE ns.nspname = current_schema() AND t.relname = ANY($1) AND NOT x.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`,
    [LOADED_TABLES],
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.def);
}

/** Builds the indexes on two connections at once (one per core here), largest tables first. */
async function createIndexes(url: string, defs: string[], connections = 2): Promise<void> {
  const queue = [...defs].sort((a, b) => Number(/"Candidature"/.test(b)) - Number(/"Candidature"/.test(a)));
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query("SET maintenance_work_mem = '256MB'");
        for (let def = queue.shift(); def; def = queue.shift()) await c.query(def);
      } finally {
        await c.end();
      }
    }),
  );
}

// ───────────────────────────── The generator ─────────────────────────────

export interface GenerateResult {
  counts: Counts & { offreDiplomes: number; formations: number; experiences: number; liens: number; alertes: number };
  seconds: { total: number; copy: number; indexes: number; search: number; vacuum: number };
}

export async function generateBenchData(
  url: string,
  opts: { scale: number; seed: number; passwordHash: string; log?: (line: string) => void; refreshAlertes: (offreIds: string[]) => Promise<number> },
): Promise<GenerateResult> {
  const log = opts.log ?? (() => {});
  const N = countsAt(opts.scale);
  const rng = prng(opts.seed);
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const refs = await loadRefs(client);
    const pickCommune = weightedPicker(refs.communes.map((c) => c.population));
    const appellationOf = (r: Rng) => refs.appellations[r.skewed(refs.appellations.length)]!;
    const certsByLevel = new Map<number, Refs['certifications']>();
    for (const c of refs.certifications) certsByLevel.set(c.niveau, [...(certsByLevel.get(c.niveau) ?? []), c]);
    const levels = [...certsByLevel.keys()];
    const certOf = (r: Rng) => {
      const level = levels[r.skewed(levels.length, 1.6)]!; // CAP/Bac pro first
      return r.pick(certsByLevel.get(level)!);
    };

    await client.query('SET session_replication_role = replica');
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query(`TRUNCATE ${LOADED_TABLES.map((t) => `"${t}"`).join(', ')}, "Alerte", "Notification", "Message", "Document", "AuditLog", "EmailOutbox", "Invitation", "PasswordResetToken", "RateLimit" CASCADE`);
    const indexes = await dropSecondaryIndexes(client);
    const tCopy = performance.now();
    const when = (from: number, to = BENCH_NOW.getTime()) => new Date(from + rng.next() * Math.max(0, to - from));

    // Structures (n°1 = the benchmark structure, in Gironde)
    const structures = Array.from({ length: N.structures }, (_, i) => {
      const commune = i === 0 ? (refs.communes.find((c) => c.dep === '33') ?? refs.communes[0]!) : refs.communes[pickCommune(rng)]!;
      const type = i === 0 ? 'CFA' : rng.pick(STRUCTURE_TYPES);
      return { id: id('bs', i), numero: i + 1, type, commune, nom: i === 0 ? 'CFA du Bâtiment de la Gironde (bench)' : `${STRUCTURE_PREFIX[type]} ${rng.pick(ENTREPRISES_2)} ${i + 1}`, createdAt: when(START, START + 365 * DAY) };
    });
    await copy(client, 'Structure', ['id', 'numero', 'siret', 'siren', 'raisonSociale', 'codeNaf', 'domaineActivite', 'type', 'adresse', 'codePostal', 'communeInsee', 'commune', 'departementCode', 'telephone', 'email', 'accueilStagiaires3e', 'active', 'completedAt', 'createdAt', 'updatedAt'],
      structures.map((s, i) => [s.id, s.numero, siret(8, i + 1), siret(8, i + 1).slice(0, 9), s.nom, '85.59A', 'P', s.type, `${1 + (i % 90)} ${RUES[i % RUES.length]}`, s.commune.cp ?? '33000', s.commune.code, s.commune.nom, s.commune.dep, `05${String(56000000 + i).padStart(8, '0')}`, `contact${i + 1}@structure.bench.test`, i % 3 === 0, i === 0 || i % 50 !== 0, s.createdAt, s.createdAt, s.createdAt]));

    // Users: acteurs (4 per structure on average, the first of each is gestionnaire), candidates, one admin
    const membres: { id: string; structure: number }[][] = structures.map(() => []);
    const users: Cell[][] = [];
    let numero = 0;
    const userRow = (uid: string, email: string, role: string, i: number, createdAt: Date, lastLoginAt: Date | null) =>
      users.push([uid, ++numero, email, opts.passwordHash, role, PRENOMS[(i * 7) % PRENOMS.length], NOMS[(i * 13) % NOMS.length], true, lastLoginAt, createdAt, createdAt]);
    const memberships: Cell[][] = [];
    for (let i = 0; i < N.acteurs; i++) {
      const s = i < N.structures ? i : rng.int(N.structures);
      const uid = id('ba', i);
      const createdAt = when(structures[s]!.createdAt.getTime());
      userRow(uid, i === 0 ? BENCH_ACCOUNTS.gestionnaire : `acteur${i}@bench.cmonalternance.test`, 'ACTEUR', i, createdAt, when(BENCH_NOW.getTime() - 60 * DAY));
      memberships.push([id('bm', i), uid, structures[s]!.id, i < N.structures || rng.chance(0.15) ? 'GESTIONNAIRE' : 'UTILISATEUR', createdAt, createdAt]);
      membres[s]!.push({ id: uid, structure: s });
    }
    const candidatCreated: Date[] = [];
    for (let i = 0; i < N.candidats; i++) {
      const createdAt = when(START);
      candidatCreated.push(createdAt);
      userRow(id('bc', i), i === 0 ? BENCH_ACCOUNTS.candidat : `candidat${i + 1}@bench.cmonalternance.test`, 'CANDIDAT', i, createdAt, rng.chance(0.7) ? when(createdAt.getTime()) : null);
    }
    userRow('badmin', BENCH_ACCOUNTS.admin, 'ADMIN', 0, new Date(START), null);
    await copy(client, 'User', ['id', 'numero', 'email', 'passwordHash', 'role', 'prenom', 'nom', 'active', 'lastLoginAt', 'createdAt', 'updatedAt'], users);
    await copy(client, 'Membership', ['id', 'userId', 'structureId', 'role', 'createdAt', 'updatedAt'], memberships);
    users.length = 0;

    // Employers and their links: each with one structure (10 % with a second one)
    const employeursOf: number[][] = structures.map(() => []);
    const employeurs = Array.from({ length: N.employeurs }, (_, i) => {
      const commune = refs.communes[pickCommune(rng)]!;
      const nom = `${rng.pick(ENTREPRISES_1)} ${rng.pick(ENTREPRISES_2)} ${i + 1}`;
      return { id: id('be', i), numero: i + 1, nom, commune, naf: rng.pick(refs.naf), createdAt: when(START) };
    });
    await copy(client, 'Employeur', ['id', 'numero', 'siret', 'siren', 'raisonSociale', 'codeNaf', 'domaineActivite', 'email', 'telephone', 'adresse', 'codePostal', 'ville', 'communeInsee', 'departementCode', 'etatAdministratif', 'createdAt', 'updatedAt'],
      employeurs.map((e, i) => [e.id, e.numero, siret(7, i + 1), siret(7, i + 1).slice(0, 9), e.nom, e.naf.code, e.naf.section, `recrutement${i + 1}@employeur.bench.test`, `05${String(57000000 + i).padStart(8, '0')}`, `${1 + (i % 120)} ${RUES[(i + 3) % RUES.length]}`, e.commune.cp, e.commune.nom, e.commune.code, e.commune.dep, 'A', e.createdAt, e.createdAt]));
    const liens: Cell[][] = [];
    const lien = (s: number, e: number, forceValide: boolean) => {
      const r = rng.next();
      const status = forceValide || r < 0.9 ? 'VALIDE' : r < 0.96 ? 'EN_ATTENTE' : 'REFUSE';
      if (status === 'VALIDE') employeursOf[s]!.push(e);
      const requestedAt = employeurs[e]!.createdAt;
      liens.push([id('bl', liens.length), structures[s]!.id, employeurs[e]!.id, status, status === 'REFUSE' ? 'SIRET hors de la région' : null, '{}', membres[s]![0]!.id, requestedAt, status === 'EN_ATTENTE' ? null : 'badmin', status === 'EN_ATTENTE' ? null : new Date(requestedAt.getTime() + 2 * DAY)]);
    };
    // the benchmark structure works with 60 employers; every structure has at least one valid employer
    const benchEmployeurs = Math.min(60, Math.floor(N.employeurs / 4));
    for (let e = 0; e < N.employeurs; e++) {
      const s = e < benchEmployeurs ? 0 : e < benchEmployeurs + N.structures - 1 ? e - benchEmployeurs + 1 : 1 + rng.int(N.structures - 1);
      lien(s, e, e < benchEmployeurs + N.structures - 1);
      if (rng.chance(0.1) && N.structures > 2) {
        const other = 1 + rng.int(N.structures - 1);
        if (other !== s) lien(other, e, false);
      }
    }
    await copy(client, 'StructureEmployeur', ['id', 'structureId', 'employeurId', 'status', 'motifRefus', 'alertes', 'requestedById', 'requestedAt', 'decidedById', 'decidedAt'], liens);

    // Offers: 500 for the benchmark structure, the others spread over the structures
    const benchOffres = Math.min(BENCH_STRUCTURE.offres, Math.max(50, Math.round(N.offres / 10)));
    const offres = Array.from({ length: N.offres }, (_, i) => {
      const s = i < benchOffres ? 0 : 1 + rng.int(N.structures - 1);
      const app = appellationOf(rng);
      const employeur = employeurs[rng.pick(employeursOf[s]!)]!;
      const commune = rng.chance(0.8) ? employeur.commune : refs.communes[pickCommune(rng)]!;
      const publishedAt = when(START);
      const r = rng.next();
      const recent = BENCH_NOW.getTime() - publishedAt.getTime() < 200 * DAY;
      const status = recent ? (r < 0.7 ? 'EN_COURS' : 'POURVUE') : r < 0.4 ? 'POURVUE' : r < 0.97 ? 'ARCHIVEE' : 'EN_COURS';
      const diplomes = [certOf(rng)];
      if (rng.chance(0.35)) {
        const d = certOf(rng);
        if (d.intitule !== diplomes[0]!.intitule) diplomes.push(d);
      }
      const referent = rng.pick(membres[s]!);
      return {
        id: id('bo', i), numero: i + 1, s, app, employeur, commune, publishedAt, status, diplomes, referent,
        types: [...rng.pick(TYPES_COMBOS)], dureeMois: rng.pick([12, 24, 24, 36, null]),
        dateEmbauche: new Date(Math.floor((publishedAt.getTime() + (30 + rng.int(150)) * DAY) / DAY) * DAY),
      };
    });
    const offreSnapshots = offres.map((o) => JSON.stringify(offreSnapshotOf({
      numero: o.numero, metier: o.app.libelle, romeCode: o.app.romeCode, types: o.types as never, commune: o.commune.nom, codePostal: o.commune.cp,
      departementCode: o.commune.dep, dateEmbauche: o.dateEmbauche, dureeMois: o.dureeMois, publishedAt: o.publishedAt,
      employeur: { raisonSociale: o.employeur.nom }, structure: { raisonSociale: structures[o.s]!.nom }, diplomes: o.diplomes,
    })));
    await copy(client, 'Offre', ['id', 'numero', 'structureId', 'employeurId', 'types', 'appellationCode', 'romeCode', 'romeVersion', 'metier', 'description', 'adresse', 'codePostal', 'communeInsee', 'commune', 'departementCode', 'dateEmbauche', 'dureeMois', 'nombrePostes', 'referentId', 'createdById', 'status', 'publishedAt', 'pourvueAt', 'archivedAt', 'createdAt', 'updatedAt'],
      offres.map((o, i) => {
        const closed = new Date(Math.min(BENCH_NOW.getTime(), o.publishedAt.getTime() + (20 + (i % 160)) * DAY));
        return [o.id, o.numero, structures[o.s]!.id, o.employeur.id, o.types, o.app.code, o.app.romeCode, o.app.version, o.app.libelle,
          `Nous recherchons un(e) apprenti(e) ${o.app.libelle.toLowerCase()} pour rejoindre notre équipe de ${o.commune.nom}. Vous serez accompagné(e) par un tuteur expérimenté et alternerez entre l'entreprise et le centre de formation.`,
          `${1 + (i % 150)} ${RUES[i % RUES.length]}`, o.commune.cp, o.commune.code, o.commune.nom, o.commune.dep, o.dateEmbauche.toISOString().slice(0, 10), o.dureeMois, 1 + (i % 7 === 0 ? 1 : 0),
          o.referent.id, o.referent.id, o.status, o.publishedAt, o.status === 'POURVUE' ? closed : null, o.status === 'ARCHIVEE' ? closed : null, o.publishedAt, o.publishedAt];
      }));
    let offreDiplomes = 0;
    await copy(client, 'OffreDiplome', ['id', 'offreId', 'certificationId', 'intitule', 'niveau'],
      (function* () {
        for (const o of offres) for (const d of o.diplomes) yield [id('bd', offreDiplomes++), o.id, d.id, d.intitule, d.niveau];
      })());

    // Candidates' projects (a quarter of the candidates hold two), trainings and experiences
    const projets: { id: string; candidat: number; snapshot: string; visible: boolean }[] = [];
    const projetsOf: number[][] = Array.from({ length: N.candidats }, () => []);
    const formations: Cell[][] = [];
    const experiences: Cell[][] = [];
    const projetRows: Cell[][] = [];
    for (let i = 0; i < N.projets; i++) {
      const c = i < N.candidats ? i : rng.int(N.candidats);
      const app = appellationOf(rng);
      const cert = rng.chance(0.85) ? certOf(rng) : null;
      const zoneRegion = rng.chance(0.3);
      const departements = zoneRegion ? [] : [refs.communes[pickCommune(rng)]!.dep, ...(rng.chance(0.3) ? [refs.communes[pickCommune(rng)]!.dep] : [])].filter((d, k, a) => a.indexOf(d) === k);
      const visible = i === 0 || rng.chance(0.85);
      const createdAt = when(candidatCreated[c]!.getTime());
      const snapshot: ProjetSnapshot = {
        numero: i + 1, metier: app.libelle, romeCode: app.romeCode, appellationCode: app.code, types: [...rng.pick(TYPES_COMBOS)] as never,
        diplomeIntitule: cert?.intitule ?? null, niveau: cert?.niveau ?? null, dureeAnnees: rng.pick([1, 2, 2, 3, null]),
        zoneRegion, departements, formations: [], experiences: [],
      };
      const projetId = id('bp', i);
      for (let k = 0; k < (rng.chance(0.3) ? 2 : 1); k++) {
        const f = { intitule: rng.pick(FORMATIONS), statut: rng.pick(['VALIDE', 'EN_COURS', 'NON_VALIDE'] as const), annee: 2018 + rng.int(9) };
        snapshot.formations.push(f);
        formations.push([id('bf', formations.length), projetId, f.intitule, f.statut, f.annee, k]);
      }
      if (rng.chance(0.7)) {
        const e = { type: rng.pick(EXPERIENCES), intitule: `Stage d'observation : ${app.libelle.toLowerCase()}`, entreprise: `${rng.pick(ENTREPRISES_1)} ${rng.pick(ENTREPRISES_2)}`, dureeSemaines: null, dureeJours: 5, missions: 'Découverte du métier et des gestes professionnels.' };
        snapshot.experiences.push(e);
        experiences.push([id('bx', experiences.length), projetId, e.type, e.intitule, e.entreprise, e.dureeSemaines, e.dureeJours, e.missions, 0]);
      }
      projets.push({ id: projetId, candidat: c, snapshot: JSON.stringify(projetSnapshotOf(snapshot)), visible });
      projetsOf[c]!.push(i);
      projetRows.push([projetId, i + 1, id('bc', c), app.code, app.romeCode, app.version, app.libelle, snapshot.types, cert?.id ?? null, cert?.intitule ?? null, cert?.niveau ?? null, snapshot.dureeAnnees, zoneRegion, departements, visible, createdAt, createdAt]);
    }
    await copy(client, 'Projet', ['id', 'numero', 'candidatId', 'appellationCode', 'romeCode', 'romeVersion', 'metier', 'types', 'certificationId', 'diplomeIntitule', 'niveau', 'dureeAnnees', 'zoneRegion', 'departements', 'visible', 'createdAt', 'updatedAt'], projetRows);
    await copy(client, 'ProjetFormation', ['id', 'projetId', 'intitule', 'statut', 'annee', 'position'], formations);
    await copy(client, 'ProjetExperience', ['id', 'projetId', 'type', 'intitule', 'entreprise', 'dureeSemaines', 'dureeJours', 'missions', 'position'], experiences);
    projetRows.length = 0;

    // Applications: the benchmark structure's 5,000 first, then the others over the open and
    // filled offers (an offer's applications arrive while it is published), one per (offer, candidate)
    const benchCandidatures = Math.min(BENCH_STRUCTURE.candidatures, Math.round(N.candidatures / 4));
    const autresOffres = offres.filter((o) => o.s !== 0);
    const pickAutre = weightedPicker(autresOffres.map((o) => (o.status === 'ARCHIVEE' ? 2 : 10)));
    // exactly N.candidatures: each candidate applies `base` times, the first `extra` ones once more
    const base = Math.floor(N.candidatures / N.candidats);
    const extra = N.candidatures - base * N.candidats;
    let candidatures = 0;
    await copy(client, 'Candidature', ['id', 'numero', 'offreId', 'candidatId', 'projetId', 'message', 'offreSnapshot', 'projetSnapshot', 'status', 'reponseType', 'reponseMessage', 'answeredById', 'answeredAt', 'createdAt', 'updatedAt'],
      (function* () {
        for (let c = 0; c < N.candidats; c++) {
          const taken = new Set<number>();
          for (let k = 0; k < base + (c < extra ? 1 : 0); k++) {
            const bench = candidatures < benchCandidatures;
            const o = bench ? offres[candidatures % benchOffres]! : autresOffres[pickAutre(rng)]!;
            if (taken.has(o.numero)) {
              k--; // the same offer twice: draw again
              continue;
            }
            taken.add(o.numero);
            const projet = projets[rng.pick(projetsOf[c]!)]!;
            const createdAt = when(o.publishedAt.getTime(), Math.min(BENCH_NOW.getTime(), o.publishedAt.getTime() + 60 * DAY));
            const r = rng.next();
            const status = o.status === 'EN_COURS' && r < 0.45 ? 'A_TRAITER' : r < 0.6 ? 'ACCEPTEE' : 'REFUSEE';
            const answeredAt = status === 'A_TRAITER' ? null : new Date(Math.min(BENCH_NOW.getTime(), createdAt.getTime() + (1 + rng.int(10)) * DAY));
            candidatures++;
            yield [id('bk', candidatures), candidatures, o.id, id('bc', c), projet.id, rng.chance(0.3) ? rng.pick(MESSAGES) : null, offreSnapshots[o.numero - 1]!, projet.snapshot, status,
              status === 'A_TRAITER' ? null : status === 'ACCEPTEE' ? 'ENTRETIEN' : 'REFUS', status === 'A_TRAITER' ? null : rng.pick(status === 'ACCEPTEE' ? REPONSES_ENTRETIEN : REPONSES_REFUS),
              status === 'A_TRAITER' ? null : o.referent.id, answeredAt, createdAt, answeredAt ?? createdAt];
          }
        }
      })());

    // Favourites: acteurs' hearts on visible projects
    const visibles = projets.map((p, i) => (p.visible ? i : -1)).filter((i) => i >= 0);
    const favoris = new Set<string>();
    await copy(client, 'Favori', ['id', 'userId', 'projetId', 'createdAt'],
      (function* () {
        while (favoris.size < N.favoris) {
          const a = favoris.size < 40 ? 0 : rng.int(N.acteurs);
          const p = visibles[rng.skewed(visibles.length, 1.3)]!;
          const key = `${a}:${p}`;
          if (favoris.has(key)) continue;
          favoris.add(key);
          yield [id('bv', favoris.size), id('ba', a), projets[p]!.id, when(BENCH_NOW.getTime() - 365 * DAY)];
        }
      })());
    const copySeconds = (performance.now() - tCopy) / 1000;
    log(`COPY terminé en ${copySeconds.toFixed(1)} s`);

    // numéros continue after the generated ones
    for (const t of ['Structure', 'User', 'Employeur', 'Offre', 'Projet', 'Candidature']) {
      await client.query(`SELECT setval(pg_get_serial_sequence('"${t}"', 'numero'), (SELECT coalesce(max(numero), 0) + 1 FROM "${t}"), false)`);
    }

    // indexes first for the tables the search columns read (the offers' subquery finds their
    // diplômes by offreId), last for the three tables rewritten below
    const rewritten = /ON (?:public\.|"public"\.)?"(Employeur|Offre|Projet)"/;
    let tIndexes = performance.now();
    await createIndexes(url, indexes.filter((d) => !rewritten.test(d)));
    let indexesSeconds = (performance.now() - tIndexes) / 1000;

    // search columns: the app's own SQL (lib/search.ts), before those tables' indexes exist
    const tSearch = performance.now();
    await client.query(`UPDATE "Employeur" e SET ${EMPLOYEUR_SEARCH_SET_SQL}`);
    await client.query(`UPDATE "Offre" o SET ${OFFRE_SEARCH_SET_SQL}`);
    await client.query(`UPDATE "Projet" p SET ${PROJET_SEARCH_SET_SQL}`);
    // the UPDATEs left a dead copy of every row: rewrite those three tables compactly
    await client.query('VACUUM FULL "Employeur", "Offre", "Projet"');
    const searchSeconds = (performance.now() - tSearch) / 1000;

    tIndexes = performance.now();
    await createIndexes(url, indexes.filter((d) => rewritten.test(d)));
    indexesSeconds += (performance.now() - tIndexes) / 1000;
    log(`index reconstruits en ${indexesSeconds.toFixed(1)} s`);
    await client.query('SET session_replication_role = DEFAULT');

    const tVacuum = performance.now();
    await client.query('VACUUM ANALYZE');
    const vacuumSeconds = (performance.now() - tVacuum) / 1000;

    // alerts of the benchmark structure's open offers, by the app's own refresh
    const alertes = await opts.refreshAlertes(offres.filter((o) => o.s === 0 && o.status === 'EN_COURS').map((o) => o.id));
    await client.query('ANALYZE "Alerte"');

    const count = async (t: string) => Number((await client.query(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0].n);
    return {
      counts: {
        structures: await count('Structure'), acteurs: await count('Membership'), employeurs: await count('Employeur'),
        offres: await count('Offre'), candidats: N.candidats, projets: await count('Projet'), candidatures: await count('Candidature'),
        favoris: await count('Favori'), offreDiplomes: await count('OffreDiplome'), formations: await count('ProjetFormation'),
        experiences: await count('ProjetExperience'), liens: await count('StructureEmployeur'), alertes,
      },
      seconds: { total: (performance.now() - started) / 1000, copy: copySeconds, indexes: indexesSeconds, search: searchSeconds, vacuum: vacuumSeconds },
    };
  } finally {
    await client.end();
  }
}
