import { createPrismaClient } from '@/lib/prisma-client';
import { createEmployeur, createStructure, linkEmployeur } from '@/tests/factories';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';

/** The admin team's « Tableau de bord » (/admin): figures, oldest requests, weekly chart + its table. */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const TITLE = "Tableau de bord de l'équipe CMonAlternance";
const DAY_MS = 24 * 60 * 60 * 1000;

/** A pending employer request made `days` days ago (older than any other: it is listed first). */
async function oldPendingRequest(days: number) {
  const suffix = Date.now().toString(36);
  const structure = await createStructure(db, { raisonSociale: `CFA tableau admin ${suffix}` });
  const employeur = await createEmployeur(db, { raisonSociale: `Ancienne demande ${suffix}` });
  const link = await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id, status: 'EN_ATTENTE' });
  await db.structureEmployeur.update({ where: { id: link.id }, data: { requestedAt: new Date(Date.now() - days * DAY_MS - 3600_000) } });
  return { structure, employeur, link };
}

/** The figure shown under a label, inside the block with that heading. */
function figure(page: import('@playwright/test').Page, block: string, label: string) {
  return page.getByRole('region', { name: block, exact: true }).locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
}

test('l’admin voit les chiffres, les demandes les plus anciennes, le graphique et son tableau', async ({ page, loginAs }) => {
  const { structure, employeur, link } = await oldPendingRequest(4000);
  try {
    await loginAs('admin');
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

    const [pending, enCours, pourvues, archivees, candidats, acteurs] = await Promise.all([
      db.structureEmployeur.count({ where: { status: 'EN_ATTENTE' } }),
      db.offre.count({ where: { status: 'EN_COURS' } }),
      db.offre.count({ where: { status: 'POURVUE' } }),
      db.offre.count({ where: { status: 'ARCHIVEE' } }),
      db.user.count({ where: { role: 'CANDIDAT', anonymizedAt: null } }),
      db.user.count({ where: { role: 'ACTEUR' } }),
    ]);
    await expect(figure(page, "Demandes d'employeurs", 'En attente de validation')).toHaveText(String(pending));
    await expect(figure(page, 'Offres', 'En cours')).toHaveText(String(enCours));
    await expect(figure(page, 'Offres', 'Pourvues')).toHaveText(String(pourvues));
    await expect(figure(page, 'Offres', 'Archivées')).toHaveText(String(archivees));
    await expect(figure(page, 'Utilisateurs', 'Candidats')).toHaveText(String(candidats));
    await expect(figure(page, 'Utilisateurs', 'Acteurs de la formation et de l’insertion')).toHaveText(String(acteurs));
    await expect(page.getByRole('region', { name: 'Candidatures du mois' })).toContainText('Part des candidatures ayant reçu une réponse');
    await expect(page.getByRole('region', { name: 'E-mails' })).toContainText('En échec');

    // the oldest pending request comes first, with its age
    const oldest = page.getByRole('list', { name: /Demandes d'employeurs en attente/ }).getByRole('listitem').first();
    await expect(oldest).toContainText(employeur.raisonSociale);
    await expect(oldest).toContainText(structure.raisonSociale);
    await expect(oldest).toContainText('(depuis 4000 jours)');

    // links to the other admin pages
    await expect(page.getByRole('link', { name: "Traiter les demandes d'employeurs" })).toHaveAttribute('href', '/admin/employeurs');
    await expect(page.getByRole('link', { name: 'Voir les structures' })).toHaveAttribute('href', '/admin/structures');
    await expect(page.getByRole('link', { name: 'Voir les e-mails' })).toHaveAttribute('href', '/admin/emails');

    // the chart: an image with a text alternative, 12 weeks of two series
    const chart = page.getByRole('img', { name: /Offres publiées et candidatures par semaine sur les 12 dernières semaines/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator('g[data-week]')).toHaveCount(12);
    await expect(chart.locator('rect[data-series="offres"]')).toHaveCount(12);
    await expect(chart.locator('rect[data-series="candidatures"]')).toHaveCount(12);

    // … and the same figures in a table
    await page.getByText('Voir les chiffres de chaque semaine').click();
    const table = page.getByRole('table', { name: 'Offres publiées et candidatures par semaine' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader')).toHaveText(['Semaine du', 'Offres publiées', 'Candidatures']);
    await expect(table.locator('tbody tr')).toHaveCount(12);
    await expectNoAxeViolations(page);
  } finally {
    await db.structureEmployeur.update({ where: { id: link.id }, data: { status: 'REFUSE', motifRefus: 'Test du tableau de bord', decidedAt: new Date() } });
  }
});

test('le tableau de bord fonctionne sans JavaScript', async ({ browser }) => {
  // the sign-in form needs JavaScript: sign in first, then reuse the session without it
  const withJs = await browser.newContext();
  const signInPage = await withJs.newPage();
  await signIn(signInPage, DEMO_ACCOUNTS.admin);
  await expect(signInPage.getByTestId('current-user')).toBeVisible();
  const storageState = await withJs.storageState();
  await withJs.close();

  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState });
  try {
    const page = await noJs.newPage();
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByRole('img', { name: /Offres publiées et candidatures par semaine/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Offres', exact: true })).toContainText('En cours');
    // <details> opens without JavaScript
    await page.getByText('Voir les chiffres de chaque semaine').click();
    await expect(page.getByRole('table', { name: 'Offres publiées et candidatures par semaine' })).toBeVisible();
    await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(12);
  } finally {
    await noJs.close();
  }
});

for (const persona of ['candidat', 'utilisateur'] as const) {
  test(`${persona} : le tableau de bord admin est refusé (403)`, async ({ page, loginAs }) => {
    await loginAs(persona);
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Offres publiées/ })).toHaveCount(0);
  });
}

test('un visiteur non connecté est envoyé vers « Se connecter »', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
});
