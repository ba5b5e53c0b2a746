import type { Browser, Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { createActeur, createEmployeur, createOffre, createStructure, createUser, linkEmployeur } from '@/tests/factories';
import { callServerAction, expect, expectNoAxeViolations, signIn, test, uniqueEmail, waitForEmail } from './fixtures';

/**
 * « Structures » (/admin/structures): the admin team searches, opens, exports, deactivates and
 * reactivates a structure; its offers leave the public site and its members can no longer act for
 * it. Nobody else may.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const ADMIN = '/admin/structures';

async function adminPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.admin);
  await expect(page.getByTestId('current-user')).toBeVisible();
  return { context, page };
}

/** A fresh structure with a gestionnaire, a validated employer and an open offer. */
async function freshStructure() {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const structure = await createStructure(db, { raisonSociale: `Lycée Éole ${stamp}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('g-admin-structures') });
  const employeur = await createEmployeur(db, { raisonSociale: `Menuiserie ${stamp}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id, status: 'VALIDE' });
  const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: gestionnaire.id, description: `Annonce ${stamp} en menuiserie.` });
  return { stamp, structure, gestionnaire, offre };
}

async function publicSearchCount(page: Page, stamp: string, numero: number) {
  await page.goto(`/offres?q=${encodeURIComponent(stamp)}`);
  return page.locator(`a[href="/offres/${numero}"]`).count();
}

test('désactiver une structure → offres retirées du site, membres écartés ; réactiver → retour ; export CSV', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { stamp, structure, gestionnaire, offre } = await freshStructure();

  // the gestionnaire is signed in (another context) and works
  const acteurContext = await browser.newContext();
  const acteur = await acteurContext.newPage();
  await signIn(acteur, gestionnaire.email);
  await expect(acteur).toHaveURL(/\/mon-espace$/);
  expect((await acteur.goto('/mes-offres'))?.status()).toBe(200);

  // the offer is public
  expect((await page.goto(`/offres/${offre.numero}`))?.status()).toBe(200);
  expect(await publicSearchCount(page, stamp, offre.numero)).toBe(1);

  const { context, page: admin } = await adminPage(browser);
  await admin.goto(ADMIN);
  await expect(admin.getByRole('heading', { level: 1, name: 'Structures' })).toBeVisible();
  await expectNoAxeViolations(admin);
  await admin.getByRole('searchbox', { name: 'Rechercher une structure' }).fill(`lycee eole ${stamp}`);
  await admin.getByRole('button', { name: 'Rechercher' }).click();
  await expect(admin.getByRole('status')).toHaveText(`1 structure pour « lycee eole ${stamp} ».`);
  const row = admin.getByRole('row').filter({ hasText: structure.raisonSociale });
  await expect(row).toContainText(structure.siret);
  await expect(row).toContainText('Active');
  await row.getByRole('link', { name: structure.raisonSociale }).click();

  await expect(admin).toHaveURL(new RegExp(`${ADMIN}/${structure.numero}$`));
  await expect(admin.getByRole('heading', { level: 1, name: structure.raisonSociale })).toBeVisible();
  await expect(admin.getByRole('region', { name: 'Membres (1)' })).toContainText(gestionnaire.email);
  await expect(admin.getByRole('region', { name: 'Offres (1)' })).toContainText('En cours');
  await expectNoAxeViolations(admin);

  // « Désactiver la structure »: the reason is required
  await admin.getByRole('button', { name: 'Désactiver la structure' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Désactiver la structure' });
  await expect(dialog).toBeVisible();
  const motif = dialog.getByRole('textbox', { name: /^Motif/ });
  await expect(motif).toBeFocused();
  await dialog.getByRole('button', { name: 'Désactiver la structure' }).click();
  await expect(dialog.getByText('Indiquez le motif : il sera communiqué aux membres de la structure.')).toBeVisible();
  await expect(motif).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(admin);
  await motif.fill('Structure fermée définitivement.');
  await dialog.getByRole('button', { name: 'Désactiver la structure' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.locator('#structure-resultat')).toContainText(`La structure « ${structure.raisonSociale} » a été désactivée`);
  await expect(admin.locator('#structure-resultat')).toBeFocused();
  await expect(admin.getByText('Cette structure est désactivée')).toBeVisible();
  await expect(admin.getByText('motif : Structure fermée définitivement.')).toBeVisible();
  await waitForEmail(gestionnaire.email, `Structure désactivée : ${structure.raisonSociale}`);

  // the offer left the public site
  expect([404, 410]).toContain((await page.goto(`/offres/${offre.numero}`))?.status());
  expect(await publicSearchCount(page, stamp, offre.numero)).toBe(0);

  // the gestionnaire is signed out, and signing in again does not let him act for it
  await acteur.goto('/mes-offres');
  await expect(acteur).toHaveURL(/\/connexion/);
  await signIn(acteur, gestionnaire.email);
  await expect(acteur).toHaveURL(/\/\?erreur=structure-desactivee$/);
  await acteur.goto('/mes-offres');
  await expect(acteur).toHaveURL(/\/\?erreur=structure-desactivee$/);
  await expect(acteur.getByRole('alert').filter({ hasText: "Votre structure a été désactivée par l'équipe CMonAlternance" })).toBeVisible();

  // « Réactiver »
  await admin.getByRole('button', { name: 'Réactiver la structure' }).click();
  const back = admin.getByRole('dialog', { name: 'Réactiver la structure' });
  await back.getByRole('textbox', { name: /^Motif/ }).fill('Erreur de manipulation.');
  await back.getByRole('button', { name: 'Réactiver la structure' }).click();
  await expect(back).toBeHidden();
  await expect(admin.locator('#structure-resultat')).toContainText('a été réactivée');
  await expect(admin.getByText('Cette structure est active.')).toBeVisible();
  await waitForEmail(gestionnaire.email, `Structure réactivée : ${structure.raisonSociale}`);
  expect((await page.goto(`/offres/${offre.numero}`))?.status()).toBe(200);
  expect(await publicSearchCount(page, stamp, offre.numero)).toBe(1);
  await acteur.goto('/mes-offres');
  await expect(acteur).toHaveURL(/\/mes-offres$/);

  // « Exporter en CSV »
  await admin.goto(`${ADMIN}?q=${encodeURIComponent(structure.siret)}`);
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: /Exporter en CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^structures-\d{4}-\d{2}-\d{2}\.csv$/);
  const response = await admin.request.get(`${ADMIN}/export?q=${encodeURIComponent(structure.siret)}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers()['cache-control']).toBe('no-store');
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('Numéro;Raison sociale;SIRET;Type;Code postal;Commune;Membres;Offres en cours;Active;Créée le');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(new RegExp(`^0*${structure.numero};Lycée Éole ${stamp};${structure.siret};CFA;33000;Bordeaux;1;1;Oui;\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}$`));

  await context.close();
  await acteurContext.close();
});

test('un candidat, un acteur et un visiteur non connecté sont refusés (pages, export, action)', async ({ page, browser }) => {
  const { structure } = await freshStructure();

  // signed out
  await page.goto(ADMIN);
  await expect(page).toHaveURL(/\/connexion/);
  const anonymous = await page.request.get(`${ADMIN}/export`, { maxRedirects: 0 });
  expect([401, 307, 302, 303]).toContain(anonymous.status());
  expect(await anonymous.text()).not.toContain('Raison sociale');

  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('candidat-admin-structures') });
  const intrus = await createStructure(db, { raisonSociale: `CFA intrus ${Date.now()}` });
  const acteur = await createActeur(db, intrus.id, 'GESTIONNAIRE', { email: uniqueEmail('g-intrus-structures') });
  for (const email of [candidat.email, acteur.email]) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await signIn(p, email);
    await expect(p.getByTestId('current-user')).toBeVisible();
    for (const path of [ADMIN, `${ADMIN}/${structure.numero}`]) {
      expect((await p.goto(path))?.status()).toBe(403);
      await expect(p.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
    }
    const csv = await p.request.get(`${ADMIN}/export`, { maxRedirects: 0 });
    expect(csv.status()).toBe(403);
    expect(await csv.text()).not.toContain('Raison sociale');
    const forged = await callServerAction(p, 'lib/actions/admin-structures.ts', 'setStructureActiveAction', [{ structureId: structure.id, active: false, motif: 'Intrus' }], ADMIN);
    expect(forged.body).not.toContain('"ok":true');
    await context.close();
  }
  expect((await db.structure.findUniqueOrThrow({ where: { id: structure.id } })).active).toBe(true);
  expect(await db.auditLog.count({ where: { entityType: 'Structure', entityId: structure.id } })).toBe(0);
});
