import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

const CFA = 'CFA du Bâtiment de la Gironde';
const PAU = 'Mission locale Pau Pyrénées';

/** The list of results (a <ul> named by the results heading). */
function results(page: Page) {
  return page.getByRole('list', { name: 'Structures qui accueillent des stagiaires' });
}

function card(page: Page, name: string) {
  return page.getByRole('article').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }) });
}

async function withDb<T>(fn: (db: import('@/lib/prisma-client').DbClient) => Promise<T>): Promise<T> {
  const { createPrismaClient } = await import('@/lib/prisma-client');
  const db = createPrismaClient(process.env.DATABASE_URL!, { max: 1 });
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'défilement horizontal').toBeLessThanOrEqual(0);
}

test.describe('Vite mon stage', () => {
  test('liste publique des structures qui accueillent des stagiaires, sans compte', async ({ page }) => {
    const response = await page.goto('/vite-mon-stage');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trouver mon stage de troisième et de seconde en Nouvelle-Aquitaine');
    await expect(page.getByText('Stagiaires de 3ème : 5 jours (soit 1 semaine) d\'accueil.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /\d+ structures?/ })).toBeVisible();

    const cfa = card(page, CFA);
    await expect(cfa).toContainText('(CFA BTP 33)');
    await expect(cfa).toContainText('Bordeaux (33300)');
    await expect(cfa).toContainText("Domaine d'activitéEnseignement");
    await expect(cfa.getByRole('listitem')).toHaveText(['Stagiaires de 3e (1 semaine)', 'Stagiaires de 2de (2 semaines)']);
    await expect(cfa.getByRole('link', { name: 'contact@cfa-batiment-gironde.test' })).toHaveAttribute(
      'href',
      'mailto:contact@cfa-batiment-gironde.test',
    );
    await expect(cfa.getByRole('link', { name: '05 56 00 00 00' })).toHaveAttribute('href', 'tel:+33556000000');

    const pau = card(page, PAU);
    await expect(pau).toContainText('Pau (64000)');
    await expect(pau).toContainText('Santé humaine et action sociale');
    await expect(pau.getByRole('listitem')).toHaveText(['Stagiaires de 3e (1 semaine)']);
    await expect(pau.getByRole('link', { name: '05 59 00 00 00' })).toBeVisible();

    await expectNoAxeViolations(page);
  });

  test('filtres : département Gironde puis niveau 2de (formulaire GET, l’URL porte les filtres)', async ({ page }) => {
    await page.goto('/vite-mon-stage');
    await page.getByRole('combobox', { name: 'Département' }).selectOption({ label: 'Gironde (33)' });
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/[?&]departement=33(&|$)/);
    await expect(card(page, CFA)).toBeVisible();
    await expect(card(page, PAU)).toHaveCount(0);
    // every card is in Gironde (postcodes 33…)
    for (const text of await results(page).getByRole('article').locator('h3 + p').allTextContents()) {
      expect(text).toMatch(/\(33\d{3}\)$/);
    }
    // the commune select now offers the communes of Gironde only
    const commune = page.getByRole('combobox', { name: 'Commune' });
    await expect(commune.locator('option', { hasText: 'Bordeaux' })).toHaveCount(1);
    await expect(commune.locator('option', { hasText: 'Pau' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await commune.selectOption({ label: 'Bordeaux' });
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/commune=33063/);
    await expect(card(page, CFA)).toBeVisible();

    await page.goto('/vite-mon-stage');
    await page.getByRole('radio', { name: '2de (2 semaines)' }).check();
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/niveau=2de/);
    await expect(card(page, CFA)).toBeVisible();
    await expect(card(page, PAU)).toHaveCount(0);

    await page.getByRole('radio', { name: '3e (1 semaine)' }).check();
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/niveau=3e/);
    await expect(card(page, PAU)).toBeVisible();

    // « Réinitialiser les filtres » comes back to the full list, the form shows no filter any more
    await page.getByRole('link', { name: 'Réinitialiser les filtres' }).click();
    await expect(page).toHaveURL(/\/vite-mon-stage$/);
    await expect(page.getByRole('radio', { name: 'Tous les niveaux' })).toBeChecked();
  });

  test.describe('sans JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('le formulaire fonctionne sans JavaScript', async ({ page }) => {
      await page.goto('/vite-mon-stage');
      await page.getByRole('combobox', { name: 'Département' }).selectOption('64');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await expect(page).toHaveURL(/departement=64/);
      await expect(card(page, PAU)).toBeVisible();
      await expect(card(page, CFA)).toHaveCount(0);
    });
  });

  test('des paramètres invalides sont ignorés (jamais d’erreur)', async ({ page }) => {
    const response = await page.goto('/vite-mon-stage?departement=%3Cscript%3E&niveau=1re&commune=Bordeaux&page=abc');
    expect(response?.status()).toBe(200);
    await expect(card(page, CFA)).toBeVisible();
    await expect(card(page, PAU)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Département' })).toHaveValue('');
    // a commune of another département is dropped, the département stays
    await page.goto('/vite-mon-stage?departement=64&commune=33063');
    await expect(card(page, PAU)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Commune' })).toHaveValue('');
  });

  test('recherche sans résultat : un message qui aide', async ({ page }) => {
    // Corrèze: no demo structure there
    await page.goto('/vite-mon-stage?departement=19');
    await expect(page.getByText('Aucune structure ne correspond à votre recherche.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Aucune structure' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Pagination' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Réinitialiser les filtres et voir toutes les structures' }).click();
    await expect(page).toHaveURL(/\/vite-mon-stage$/);
    await expect(card(page, CFA)).toBeVisible();
  });

  test('une structure qui décoche la case disparaît aussitôt de la liste', async ({ page }) => {
    const name = `Atelier décoche ${Date.now()}`;
    await withDb(async (db) => {
      const { createStructure } = await import('@/tests/factories');
      const s = await createStructure(db, {
        raisonSociale: name,
        communeInsee: '33281',
        commune: 'Mérignac',
        codePostal: '33700',
        departementCode: '33',
        domaineActivite: 'F',
        accueilStagiaires3e: true,
      });
      try {
        await page.goto('/vite-mon-stage?departement=33');
        await expect(card(page, name)).toBeVisible();
        await expect(card(page, name)).toContainText('Construction');

        await db.structure.update({ where: { id: s.id }, data: { accueilStagiaires3e: false } });
        await page.reload();
        await expect(card(page, CFA)).toBeVisible();
        await expect(card(page, name)).toHaveCount(0);

        // ticked again: back at once
        await db.structure.update({ where: { id: s.id }, data: { accueilStagiaires3e: true } });
        await page.reload();
        await expect(card(page, name)).toBeVisible();

        // a deactivated structure is not listed either
        await db.structure.update({ where: { id: s.id }, data: { active: false } });
        await page.reload();
        await expect(card(page, name)).toHaveCount(0);
      } finally {
        await db.structure.delete({ where: { id: s.id } });
      }
    });
  });

  test('pagination (20 par page) et affichage à 360 px de large', async ({ page }) => {
    const prefix = `Stage Creuse ${Date.now()}`;
    await withDb(async (db) => {
      const { createStructure } = await import('@/tests/factories');
      const created: string[] = [];
      try {
        for (let i = 1; i <= 23; i++) {
          const s = await createStructure(db, {
            raisonSociale: `${prefix} n°${String(i).padStart(2, '0')}`,
            communeInsee: '23155',
            commune: 'Pontarion',
            codePostal: '23250',
            departementCode: '23',
            domaineActivite: 'I',
            email: `stage-creuse-${i}-${Date.now()}@exemple.test`,
            telephone: '0555000000',
            accueilStagiaires3e: true,
            accueilStagiaires2de: i % 2 === 0,
          });
          created.push(s.id);
        }

        await page.setViewportSize({ width: 360, height: 800 });
        await page.goto('/vite-mon-stage?departement=23&commune=23155');
        await expect(page.getByRole('status').filter({ hasText: '23 structures — page 1 sur 2' })).toBeVisible();
        await expect(results(page).getByRole('article')).toHaveCount(20);
        await expect(card(page, `${prefix} n°20`)).toBeVisible();
        await expect(card(page, `${prefix} n°21`)).toHaveCount(0);

        const nav = page.getByRole('navigation', { name: 'Pagination' });
        await expect(nav.getByRole('link', { name: 'Page 1', exact: true })).toHaveAttribute('aria-current', 'page');
        await expect(nav.getByRole('link', { name: 'Page précédente' })).toHaveAttribute('aria-disabled', 'true');
        await expectNoHorizontalScroll(page);
        await expectNoAxeViolations(page);

        await nav.getByRole('link', { name: 'Page suivante' }).click();
        await expect(page).toHaveURL(/page=2/);
        await expect(page).toHaveURL(/departement=23/);
        await expect(page.getByRole('status').filter({ hasText: '23 structures — page 2 sur 2' })).toBeVisible();
        await expect(results(page).getByRole('article')).toHaveCount(3);
        await expect(card(page, `${prefix} n°21`)).toBeVisible();
        await expect(card(page, `${prefix} n°01`)).toHaveCount(0);
        await expect(nav.getByRole('link', { name: 'Page 2', exact: true })).toHaveAttribute('aria-current', 'page');
        await expect(nav.getByRole('link', { name: 'Page 1', exact: true })).not.toHaveAttribute('aria-current', 'page');
        await expect(nav.getByRole('link', { name: 'Page suivante' })).toHaveAttribute('aria-disabled', 'true');
        await expectNoHorizontalScroll(page);

        await nav.getByRole('link', { name: 'Page précédente' }).click();
        await expect(page).not.toHaveURL(/page=2/);
        await expect(card(page, `${prefix} n°01`)).toBeVisible();

        // the level filter is kept across pages: 11 of the 23 take 2de interns, one page only
        await page.goto('/vite-mon-stage?departement=23&commune=23155&niveau=2de');
        await expect(page.getByRole('status').filter({ hasText: /^11 structures$/ })).toBeVisible();
        await expect(nav).toHaveCount(0);

        // the default page and the empty state at 360 px
        await page.goto('/vite-mon-stage');
        await expectNoHorizontalScroll(page);
        await page.goto('/vite-mon-stage?departement=19');
        await expectNoHorizontalScroll(page);
      } finally {
        await db.structure.deleteMany({ where: { id: { in: created } } });
      }
    });
  });
});
