import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { GENERIC_ERROR_MESSAGE } from '@/lib/errors';
import { createPrismaClient } from '@/lib/prisma-client';
import {
  CARRELEUR,
  COUVREUR,
  createActeur,
  createEmployeur,
  createOffre,
  createProjet,
  createStructure,
  createUser,
  linkEmployeur,
} from '@/tests/factories';
import { callServerAction, expect, signIn, test, uniqueEmail } from './fixtures';

/**
 * Issue 9: « the app restarted while requests are in flight: no partial records ». A second app
 * server (next start, the suite's build, on E2E_PORT + 2) receives 20 applications (candidature +
 * snapshots + notification + e-mail outbox + audit) and 4 new projects (projet + formations +
 * expériences + search text) at once, and is killed (SIGKILL) as soon as the first write has
 * committed. Whatever got in is whole: every application has its notification, its e-mail and its
 * audit row; every project its formations, its expériences and its search text. Restarted, the
 * server accepts the same requests again and the totals add up.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 4 });
const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = Number(process.env.E2E_PORT ?? 3100) + 2;
const URL2 = `http://127.0.0.1:${PORT}`;
const FAKE_RESEND_PORT = Number(process.env.FAKE_RESEND_PORT ?? 4010);

let server: ChildProcess | null = null;

async function startServer() {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-test',
      AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-secret-e2e-secret-e2e-secret-e2e',
      APP_URL: URL2,
      RESEND_API_KEY: 're_test_e2e',
      RESEND_BASE_URL: `http://127.0.0.1:${FAKE_RESEND_PORT}`,
      EMAIL_FROM: 'CMonAlternance <ne-pas-repondre@cmonalternance-na.fr>',
      // the outbox rows are counted here: this instance does not deliver them (the main one does)
      EMAIL_WORKER_INTERVAL_MS: '0',
      OFFRES_ARCHIVE_INTERVAL_MS: '0',
      RGPD_RETENTION_INTERVAL_MS: '0',
    },
    stdio: 'ignore',
  });
  server = child;
  const end = Date.now() + 90_000;
  for (;;) {
    const ok = await fetch(`${URL2}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (child.exitCode !== null || Date.now() > end) throw new Error(`next start sur le port ${PORT} n'a pas démarré`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function killServer() {
  const child = server;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
  server = null;
}

test.afterAll(async () => {
  await killServer();
  await db.$disconnect();
});

test('SIGKILL du serveur pendant 24 écritures : aucun enregistrement partiel, tout repasse après le redémarrage', async ({ page }) => {
  test.setTimeout(240_000);
  const structure = await createStructure(db, { raisonSociale: `CFA Redémarrage ${Date.now()}` });
  const referent = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('redemarrage-ref') });
  const employeur = await createEmployeur(db);
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const offres: { numero: number }[] = [];
  for (let i = 0; i < 20; i++) offres.push(await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: referent.id, metier: COUVREUR }));
  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('redemarrage-c') });
  const projet = await createProjet(db, { candidatId: candidat.id, metier: COUVREUR });
  const cap = await db.certification.findFirstOrThrow({ where: { intitule: 'CAP - Carreleur Mosaïste', active: true } });
  const nouveauProjet = (i: number) => ({
    appellationCode: CARRELEUR.appellationCode,
    types: ['APPRENTISSAGE'],
    certificationId: cap.id,
    dureeAnnees: '2',
    zoneRegion: false,
    departements: ['33'],
    formations: [
      { intitule: `Brevet ${i}`, statut: 'VALIDE', annee: '2024' },
      { intitule: `Seconde ${i}`, statut: 'EN_COURS', annee: '2025' },
    ],
    experiences: [{ type: 'STAGE', intitule: `Stage ${i}`, entreprise: 'Toitures Test', dureeSemaines: '1', dureeJours: '2', missions: 'Pose de tuiles' }],
    visible: false,
  });

  // the session cookie is for 127.0.0.1: it is sent to the second server too (same AUTH_SECRET)
  await signIn(page, candidat.email);
  await expect(page.getByTestId('current-user')).toBeVisible();
  // a signed-in request counts as activity for the retention job (lib/auth/session.ts, in the background)
  await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: candidat.id } })).lastSeenAt).not.toBeNull();

  /** The 24 requests, as thunks. */
  const requests = () => [
    ...offres.map(
      (o) => () =>
        callServerAction(page, 'lib/actions/candidat.ts', 'postulerAction', [o.numero, { projetNumero: projet.numero, message: 'Bonjour', joindreCv: false }], `${URL2}/offres/${o.numero}/postuler`),
    ),
    ...Array.from({ length: 4 }, (_, i) => () => callServerAction(page, 'lib/actions/candidat.ts', 'createProjetAction', [nouveauProjet(i)], `${URL2}/candidat/projets/nouveau`)),
  ];

  async function expectWhole() {
    const candidatures = await db.candidature.findMany({ where: { candidatId: candidat.id }, select: { id: true, numero: true, offreSnapshot: true, projetSnapshot: true } });
    for (const c of candidatures) {
      expect(c.offreSnapshot).toBeTruthy();
      expect(c.projetSnapshot).toBeTruthy();
      expect(await db.notification.count({ where: { userId: referent.id, lien: `/mon-espace/candidatures/${c.numero}` } })).toBe(1);
      expect(await db.auditLog.count({ where: { action: 'candidature.envoi', entityId: c.id } })).toBe(1);
    }
    // one e-mail to the référent per application, and none for an application that does not exist
    expect(await db.emailOutbox.count({ where: { to: referent.email } })).toBe(candidatures.length);
    expect(await db.notification.count({ where: { userId: referent.id } })).toBe(candidatures.length);
    const projets = await db.projet.findMany({
      where: { candidatId: candidat.id, id: { not: projet.id } },
      select: { searchText: true, _count: { select: { formations: true, experiences: true } } },
    });
    for (const p of projets) {
      expect(p._count).toEqual({ formations: 2, experiences: 1 });
      expect(p.searchText).not.toBe('');
    }
    return { candidatures: candidatures.length, projets: projets.length };
  }

  await startServer();
  const inFlight = requests().map((send) =>
    send().then(
      (r) => ({ ok: true as const, status: r.status }),
      () => ({ ok: false as const, status: 0 }),
    ),
  );
  // kill it as soon as the first application is committed, the others being on their way
  const end = Date.now() + 60_000;
  while ((await db.candidature.count({ where: { candidatId: candidat.id } })) === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  await killServer();
  const outcomes = await Promise.all(inFlight);
  const cut = outcomes.filter((o) => !o.ok).length;
  expect(cut, 'requêtes coupées par l’arrêt du serveur').toBeGreaterThan(0);

  const before = await expectWhole();
  expect(before.candidatures).toBeGreaterThanOrEqual(1);
  expect(before.candidatures).toBeLessThan(20 + 1);

  // restarted: the same requests again, one after the other (20 concurrent submits of one candidate
  // queue on his row lock and, on a loaded machine, outlast the transaction timeout); the
  // applications already in are refused « déjà postulé », the others go through
  await startServer();
  for (const send of requests()) {
    const r = await send();
    expect(r.status).toBe(200);
    expect(r.body).not.toContain(GENERIC_ERROR_MESSAGE);
  }
  const after = await expectWhole();
  expect(after.candidatures).toBe(20);
  expect(after.projets).toBe(before.projets + 4);
  await killServer();
});
