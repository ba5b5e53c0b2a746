import { ROOT, queriesDuring, signIn as httpSignIn, startServer, isTransactionControl, type AppServer } from '@/bench/server';
import { formatNumero } from '@/lib/format';
import { createPrismaClient } from '@/lib/prisma-client';
import {
  addMember,
  createActeur,
  createCandidature,
  createEmployeur,
  createOffre,
  createProjet,
  createStructure,
  createUser,
  DEMO_PASSWORD,
  linkEmployeur,
} from '@/tests/factories';
import { expect, test } from './fixtures';

/**
 * No N+1: each list page issues the same number of SQL statements whether it shows 1 row or 8.
 * A server of its own (same build, same database) logs its SQL (QUERY_LOG_FILE, as the benchmark's
 * probe does); its only client is this spec, one request at a time, so a request's statements are
 * exactly the lines logged while it ran. Each page is also checked to show every row, so the
 * comparison is never between two empty pages.
 */

test.describe.configure({ mode: 'serial' });

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
const PORT = Number(process.env.E2E_PORT ?? 3100) + 50;
const LOG = `${ROOT}/test-results/requetes-par-page-${process.pid}.jsonl`;
const token = `npun${Date.now().toString(36)}`;

let server: AppServer;
let staffCookie: string;
let candidatCookie: string;
let adminCookie: string;
let setup: Awaited<ReturnType<typeof createTenant>>;

async function createTenant() {
  const structure = await createStructure(db, { raisonSociale: `Structure ${token}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: `gestionnaire.${token}@exemple.test`, nom: token });
  const candidat = await createUser(db, { role: 'CANDIDAT', email: `candidat.${token}@exemple.test` });
  const admin = await createUser(db, { role: 'ADMIN', email: `admin.${token}@exemple.test` });
  return { structure, gestionnaire, candidat, admin };
}

/** One more row in every list the pages below show (this tenant's, or found by the token). */
async function addRows(n: number) {
  const { structure, gestionnaire, candidat } = setup;
  for (let i = 0; i < n; i++) {
    const employeur = await createEmployeur(db, { raisonSociale: `Employeur ${token} ${i}` });
    await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id, requestedById: gestionnaire.id });
    const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: gestionnaire.id, description: `Offre ${token}` });
    const autre = await createUser(db, { role: 'CANDIDAT', email: `candidat${i}.${Date.now()}.${token}@exemple.test` });
    const projetAutre = await createProjet(db, { candidatId: autre.id });
    await createCandidature(db, { offreId: offre.id, candidatId: autre.id, projetId: projetAutre.id });
    const projet = await createProjet(db, { candidatId: candidat.id, formations: [{ intitule: 'CAP', statut: 'EN_COURS' }] });
    await createCandidature(db, { offreId: offre.id, candidatId: candidat.id, projetId: projet.id });
    await db.favori.create({ data: { userId: gestionnaire.id, projetId: projetAutre.id } });
    await db.notification.create({ data: { userId: candidat.id, type: 'SYSTEME', titre: `Notification ${token} ${i}` } });
    const collegue = await createUser(db, { role: 'ACTEUR', email: `collegue${i}.${Date.now()}.${token}@exemple.test` });
    await addMember(db, collegue.id, structure.id, 'UTILISATEUR');
  }
}

async function rowMarkers() {
  const { structure, gestionnaire, candidat } = setup;
  const [offres, recues, favoris, projets, envoyees, membres] = await Promise.all([
    db.offre.findMany({ where: { structureId: structure.id }, select: { numero: true } }),
    db.candidature.findMany({ where: { offre: { structureId: structure.id }, candidatId: { not: candidat.id } }, select: { numero: true } }),
    db.favori.findMany({ where: { userId: gestionnaire.id }, select: { projet: { select: { numero: true } } } }),
    db.projet.findMany({ where: { candidatId: candidat.id }, select: { numero: true } }),
    db.candidature.findMany({ where: { candidatId: candidat.id }, select: { numero: true } }),
    db.membership.findMany({ where: { structureId: structure.id }, select: { user: { select: { email: true } } } }),
  ]);
  return {
    offres: offres.map((o) => formatNumero('offre', o.numero)),
    recues: recues.map((c) => formatNumero('candidature', c.numero)),
    favoris: favoris.map((f) => formatNumero('projet', f.projet.numero)),
    projets: projets.map((p) => formatNumero('projet', p.numero)),
    envoyees: envoyees.map((c) => formatNumero('candidature', c.numero)),
    membres: membres.map((m) => m.user.email),
  };
}

type Markers = Awaited<ReturnType<typeof rowMarkers>>;

/** The list pages, who opens them, and which rows they must show. */
const PAGES: { path: () => string; who: 'staff' | 'candidat' | 'admin'; rows: (m: Markers) => string[] }[] = [
  { path: () => '/mes-offres', who: 'staff', rows: (m) => m.offres },
  { path: () => '/mon-espace', who: 'staff', rows: () => [] },
  { path: () => '/mon-espace/candidatures?onglet=a-traiter', who: 'staff', rows: (m) => m.recues },
  { path: () => '/mon-espace/favoris', who: 'staff', rows: (m) => m.favoris },
  { path: () => '/mes-offres/employeurs', who: 'staff', rows: () => [] },
  { path: () => '/mon-compte/utilisateurs', who: 'staff', rows: (m) => m.membres },
  { path: () => '/candidat/projets', who: 'candidat', rows: (m) => m.projets },
  { path: () => '/candidat/candidatures', who: 'candidat', rows: (m) => m.envoyees },
  { path: () => '/notifications', who: 'candidat', rows: () => [] },
  { path: () => `/offres?q=${token}`, who: 'candidat', rows: (m) => m.offres },
  { path: () => `/admin/offres?q=${encodeURIComponent(`Structure ${token}`)}`, who: 'admin', rows: (m) => m.offres },
  { path: () => `/admin/structures?q=${token}`, who: 'admin', rows: () => [`Structure ${token}`] },
  { path: () => `/admin/utilisateurs?q=${token}`, who: 'admin', rows: (m) => m.membres },
];

async function measure(): Promise<Record<string, number>> {
  const markers = await rowMarkers();
  const counts: Record<string, number> = {};
  for (const p of PAGES) {
    const cookie = p.who === 'staff' ? staffCookie : p.who === 'admin' ? adminCookie : candidatCookie;
    let html = '';
    let status = 0;
    const queries = await queriesDuring(LOG, async () => {
      const res = await fetch(`${server.url}${p.path()}`, { headers: { cookie }, redirect: 'manual' });
      status = res.status;
      html = await res.text();
    });
    expect(status, p.path()).toBe(200);
    for (const marker of p.rows(markers)) expect(html, `${p.path()} montre ${marker}`).toContain(marker);
    counts[p.path()] = queries.filter((q) => !isTransactionControl(q.query)).length;
  }
  return counts;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  setup = await createTenant();
  server = await startServer({ dist: process.env.NEXT_DIST_DIR ?? '.next-test', port: PORT, databaseUrl: process.env.DATABASE_URL!, queryLog: LOG });
  staffCookie = await httpSignIn(server.url, setup.gestionnaire.email, DEMO_PASSWORD);
  candidatCookie = await httpSignIn(server.url, setup.candidat.email, DEMO_PASSWORD);
  adminCookie = await httpSignIn(server.url, setup.admin.email, DEMO_PASSWORD);
});

test.afterAll(async () => {
  await server?.stop();
  await db.$disconnect();
});

test('chaque page de liste émet autant de requêtes SQL pour 1 ligne que pour 8 (pas de N+1)', async () => {
  test.setTimeout(180_000);
  await addRows(1);
  // a first pass warms the server (its first requests load code, not data)
  await measure();
  const one = await measure();
  await addRows(7);
  const eight = await measure();
  for (const p of PAGES) {
    expect(one[p.path()], `${p.path()} : au moins une requête`).toBeGreaterThan(0);
  }
  expect(eight, 'requêtes SQL par page (8 lignes) comparées à 1 ligne').toEqual(one);
});
