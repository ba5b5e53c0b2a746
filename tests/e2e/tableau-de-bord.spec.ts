import type { Page } from '@playwright/test';
import { formatNumero } from '@/lib/format';
import { createPrismaClient } from '@/lib/prisma-client';
import { CARRELEUR, createUser } from '@/tests/factories';
import { callServerAction, expect, expectNoAxeViolations, signIn, signOut, test, uniqueEmail } from './fixtures';

/**
 * « Tableau de bord »: the Alertes block shows the consenting projects that match the structure's
 * offers « En cours », with their reasons; a non-consenting project never appears; « Ignorer »
 * removes an alert for the whole structure; another structure sees none of it.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => db.$disconnect());

/** A candidate creates a project through the app's own action (so the app raises the alerts). */
async function projetVia(page: Page, visible: boolean): Promise<number> {
  const cap = await db.certification.findFirstOrThrow({ where: { intituleRecherche: 'cap - carreleur mosaiste' }, select: { id: true } });
  const r = await callServerAction(
    page,
    'lib/actions/candidat.ts',
    'createProjetAction',
    [{ appellationCode: CARRELEUR.appellationCode, types: ['APPRENTISSAGE'], certificationId: cap.id, dureeAnnees: '1', zoneRegion: false, departements: ['33'], formations: [], experiences: [], visible }],
    '/candidat/projets/nouveau',
  );
  const match = /cree=(\d+)/.exec(r.redirect ?? '');
  expect(match, r.body).not.toBeNull();
  return Number(match![1]);
}

const alerteDe = (page: Page, numero: number) => page.getByTestId('alerte').filter({ hasText: `PROJET ${formatNumero('projet', numero)}` });

test('les alertes : un projet visible qui correspond apparaît avec ses raisons, un projet non visible jamais ; « Ignorer »', async ({ page, loginAs }) => {
  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('alerte') });
  await signIn(page, candidat.email);
  await expect(page).toHaveURL(/\/candidat$/);
  const visible = await projetVia(page, true);
  const cache = await projetVia(page, false);
  await signOut(page);

  // the CFA's seeded carreleur offer (other specs add offers and projects in parallel: look at this one)
  const offre = await db.offre.findFirstOrThrow({
    where: { metier: CARRELEUR.metier, status: 'EN_COURS', structure: { raisonSociale: 'CFA du Bâtiment de la Gironde' } },
    orderBy: { numero: 'asc' },
    select: { numero: true },
  });
  const alertesDeLOffre = `/mon-espace/alertes?offre=${offre.numero}`;
  await loginAs('gestionnaire');
  await page.goto(alertesDeLOffre);
  const alerte = alerteDe(page, visible);
  await expect(alerte).toHaveCount(1);
  const chips = alerte.getByRole('list', { name: 'Pourquoi ce profil' });
  for (const chip of ['Même métier', 'Apprentissage', 'Gironde', 'Niveau CAP, BEP']) await expect(chips).toContainText(chip);
  await expect(alerte).toContainText(CARRELEUR.metier);
  await expect(alerteDe(page, cache)).toHaveCount(0);
  // theo's seeded invisible carreleur project neither
  const invisible = await db.projet.findFirstOrThrow({ where: { visible: false, candidat: { email: 'theo.candidat@exemple.test' } }, select: { numero: true } });
  await expect(alerteDe(page, invisible.numero)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // the dashboard shows the block, with the count
  await page.goto('/mon-espace');
  const total = Number(await page.getByTestId('nb-alertes').textContent());
  expect(total).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: 'Candidatures' })).toContainText('À traiter');
  await expectNoAxeViolations(page);

  // another structure sees none of it, and cannot dismiss it
  const row = await db.alerte.findFirstOrThrow({ where: { projet: { numero: visible }, offre: { numero: offre.numero } }, select: { id: true } });
  await signOut(page);
  await loginAs('gestionnairePau');
  await page.goto(alertesDeLOffre);
  await expect(alerteDe(page, visible)).toHaveCount(0);
  const forged = await callServerAction(page, 'lib/actions/alertes.ts', 'dismissAlerteAction', [{ id: row.id }], '/mon-espace/alertes');
  expect(forged.body).toContain('Alerte introuvable.');
  expect((await db.alerte.findUniqueOrThrow({ where: { id: row.id } })).dismissedAt).toBeNull();
  await signOut(page);

  // « Ignorer »: gone for every member of the structure
  await loginAs('gestionnaire');
  await page.goto(alertesDeLOffre);
  await alerteDe(page, visible).getByRole('button', { name: /^Ignorer/ }).click();
  await expect(alerteDe(page, visible)).toHaveCount(0);
  expect((await db.alerte.findUniqueOrThrow({ where: { id: row.id } })).dismissedAt).not.toBeNull();
  await signOut(page);
  await loginAs('utilisateur');
  await page.goto(alertesDeLOffre);
  await expect(page.getByRole('heading', { level: 1, name: 'Alertes' })).toBeVisible();
  await expect(alerteDe(page, visible)).toHaveCount(0);
});

test('un candidat n’ouvre pas les alertes (403)', async ({ page, loginAs }) => {
  await loginAs('candidat');
  const response = await page.goto('/mon-espace/alertes');
  expect(response?.status()).toBe(403);
});
