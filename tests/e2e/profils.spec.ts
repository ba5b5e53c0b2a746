import type { Page } from '@playwright/test';
import { formatNumero } from '@/lib/format';
import { createPrismaClient } from '@/lib/prisma-client';
import { CARRELEUR, COUVREUR, TECHNICO_COMMERCIAL } from '@/tests/factories';
import { expect, expectNoAxeViolations, test } from './fixtures';

/**
 * « Recherche de profils » (/mon-espace/profils) on the demo data: Léa's visible « Carreleur /
 * Carreleuse mosaïste » project, Théo's technico-commercial (whole region, apprentissage + contrat
 * pro, niveau 5), couvreur (Gironde) and his INVISIBLE carreleur project.
 */
const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const numeros = { lea: 0, invisible: 0, technico: 0, couvreur: 0 };
test.beforeAll(async () => {
  const projet = (email: string, metier: string, visible = true) =>
    db.projet.findFirstOrThrow({ where: { candidat: { email }, metier, visible }, orderBy: { numero: 'asc' }, select: { numero: true } });
  numeros.lea = (await projet('candidat@exemple.test', CARRELEUR.metier)).numero;
  numeros.invisible = (await projet('theo.candidat@exemple.test', CARRELEUR.metier, false)).numero;
  numeros.technico = (await projet('theo.candidat@exemple.test', TECHNICO_COMMERCIAL.metier)).numero;
  numeros.couvreur = (await projet('theo.candidat@exemple.test', COUVREUR.metier)).numero;
});

const projetLabel = (numero: number) => `PROJET ${formatNumero('projet', numero)}`;
const card = (page: Page, numero: number) => page.getByRole('article', { name: new RegExp(`^${projetLabel(numero)} `) });
const motCle = (page: Page) => page.getByRole('searchbox', { name: 'Saisissez un mot clé' });
const total = (page: Page) => page.getByTestId('profils-total');

/** The project numbers shown on every page of the current results (following « Page suivante »). */
async function numerosOnAllPages(page: Page): Promise<number[]> {
  const found: number[] = [];
  for (let n = 2; ; n++) {
    for (const text of await page.getByRole('article').locator('[id$="-numero"]').allInnerTexts()) {
      found.push(Number(text.replace(/\D/g, '')));
    }
    const next = page.getByRole('navigation', { name: 'Pagination des profils' }).getByRole('link', { name: 'Page suivante' });
    if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') return found;
    await next.click();
    await page.waitForURL(new RegExp(`page=${n}(&|$)`));
  }
}

/** The card of this project, on whichever page of the results it is (other specs add projects). */
async function findCard(page: Page, numero: number) {
  for (let n = 2; ; n++) {
    if ((await card(page, numero).count()) > 0) return card(page, numero);
    const next = page.getByRole('navigation', { name: 'Pagination des profils' }).getByRole('link', { name: 'Page suivante' });
    if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') {
      throw new Error(`${projetLabel(numero)} absent des résultats`);
    }
    await next.click();
    await page.waitForURL(new RegExp(`page=${n}(&|$)`));
  }
}

async function search(page: Page, q: string) {
  await motCle(page).fill(q);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(q).replace(/%20/g, '\\+')}`));
}

test.describe('Recherche de profils', () => {
  for (const q of ['carreleur', 'CARRELEUSE', 'mosaiste', 'carleur']) {
    test(`« ${q} » trouve le projet carreleur de Léa, jamais le projet invisible de Théo`, async ({ page, loginAs }) => {
      await loginAs('gestionnaire');
      await page.goto('/mon-espace/profils');
      await expect(page.getByRole('heading', { level: 1, name: 'Recherche de profils' })).toBeVisible();
      await expect(motCle(page)).toHaveAttribute('placeholder', 'Métier, type de contrat, diplôme, ...');
      await search(page, q);

      const found = await numerosOnAllPages(page);
      expect(found).toContain(numeros.lea);
      expect(found).not.toContain(numeros.invisible);
      expect(found).not.toContain(numeros.technico);
    });
  }

  test('la carte du guide : PROJET, MÉTIER, Type de contrat, Niveau, Diplôme, DÉTAILS', async ({ page, loginAs }) => {
    await loginAs('utilisateur');
    await page.goto(`/mon-espace/profils?q=carreleur&departement=33&type=APPRENTISSAGE&niveau=3`);
    const lea = await findCard(page, numeros.lea);
    await expect(lea).toBeVisible();
    await expect(lea.getByText(projetLabel(numeros.lea), { exact: true })).toBeVisible();
    const metier = lea.getByRole('heading', { level: 3, name: CARRELEUR.metier });
    await expect(metier).toHaveCSS('text-transform', 'uppercase');
    expect(await metier.innerText()).toBe('CARRELEUR / CARRELEUSE MOSAÏSTE');
    await expect(lea).toContainText("Type de contrat : Contrat d'apprentissage");
    await expect(lea).toContainText('Niveau : Niveau CAP, BEP');
    await expect(lea).toContainText(/Diplôme : CAP.*[Cc]arreleur [Mm]osaïste/);
    await expect(lea).toContainText('Zone géographique : Gironde');
    // never the candidate's identity
    await expect(lea).not.toContainText('Léa');
    await expect(lea).not.toContainText('candidat@exemple.test');
    const details = lea.getByRole('link', { name: new RegExp(`^Détails du projet ${formatNumero('projet', numeros.lea)}`, 'i') });
    await expect(details).toHaveAttribute('href', `/mon-espace/profils/${numeros.lea}`);
    await expect(details).toHaveCSS('text-transform', 'uppercase');
    await expectNoAxeViolations(page);
  });

  test('« apprentissage » trouve les projets de ce type de contrat', async ({ page, loginAs }) => {
    await loginAs('gestionnaire');
    await page.goto('/mon-espace/profils');
    await search(page, 'apprentissage');
    const found = await numerosOnAllPages(page);
    expect(found).toEqual(expect.arrayContaining([numeros.lea, numeros.technico, numeros.couvreur]));
    expect(found).not.toContain(numeros.invisible);
  });

  test('la recherche avancée affine les résultats (zone géographique, type de contrat, niveau)', async ({ page, loginAs }) => {
    await loginAs('gestionnaire');
    await page.goto('/mon-espace/profils');
    const avancee = page.getByText('Recherche avancée', { exact: true });
    await avancee.click();

    // Pyrénées-Atlantiques: the whole-region project only (Léa and the couvreur look in Gironde)
    await page.getByRole('combobox', { name: 'Zone géographique' }).selectOption('64');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/departement=64/);
    let found = await numerosOnAllPages(page);
    expect(found).toContain(numeros.technico);
    expect(found).not.toContain(numeros.lea);
    expect(found).not.toContain(numeros.couvreur);

    // the disclosure stays open on a filtered search; Gironde + contrat de professionnalisation
    await page.goto('/mon-espace/profils?departement=33');
    await expect(page.getByRole('combobox', { name: 'Zone géographique' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Type de contrat' }).selectOption('CONTRAT_PRO');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/type=CONTRAT_PRO/);
    found = await numerosOnAllPages(page);
    expect(found).toContain(numeros.technico);
    expect(found).not.toContain(numeros.lea);
    expect(found).not.toContain(numeros.couvreur);

    // niveau CAP, BEP with a keyword
    await page.goto('/mon-espace/profils?q=carreleur&niveau=5');
    await expect(total(page)).toHaveText('Aucun profil');
    await page.getByRole('combobox', { name: 'Niveau' }).selectOption('3');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page).toHaveURL(/niveau=3/);
    await expect(total(page)).toHaveText(/^\d+ profils?( — page 1 sur \d+)?$/);
    await expect(await findCard(page, numeros.lea)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('sans résultat, la page aide à élargir la recherche', async ({ page, loginAs }) => {
    await loginAs('gestionnaire');
    await page.goto('/mon-espace/profils?q=zzkqwx&type=STAGE_PRO');
    await expect(total(page)).toHaveText('Aucun profil');
    await expect(page.getByText('Aucun profil ne correspond à votre recherche.')).toBeVisible();
    await expect(page.getByText("Vérifiez l'orthographe du mot clé.")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Retirer le mot clé « zzkqwx »' }).click();
    await expect(page).toHaveURL(/\/mon-espace\/profils\?type=STAGE_PRO$/);
    await page.goto('/mon-espace/profils?q=zzkqwx&type=STAGE_PRO');
    await page.getByRole('link', { name: 'Voir tous les profils' }).click();
    await expect(page).toHaveURL(/\/mon-espace\/profils$/);
    await expect(total(page)).toHaveText(/^\d+ profils?/);
    expect(await numerosOnAllPages(page)).toEqual(expect.arrayContaining([numeros.lea, numeros.technico, numeros.couvreur]));
  });

  test('des paramètres invalides sont ignorés (jamais d’erreur)', async ({ page, loginAs }) => {
    await loginAs('gestionnaire');
    const response = await page.goto(`/mon-espace/profils?q=${encodeURIComponent("carreleur' OR 1=1 --")}&departement=%3Cscript%3E&niveau=abc&type=CDI&page=-4`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Recherche de profils' })).toBeVisible();
    await expect(motCle(page)).toHaveValue("carreleur' OR 1=1 --");
  });

  test.describe('sans JavaScript', () => {
    test('le formulaire GET et la recherche avancée fonctionnent', async ({ browser, page, loginAs }, testInfo) => {
      await loginAs('gestionnaire');
      const context = await browser.newContext({
        javaScriptEnabled: false,
        storageState: await page.context().storageState(),
        baseURL: testInfo.project.use.baseURL,
      });
      try {
        const nojs = await context.newPage();
        await nojs.goto('/mon-espace/profils');
        await motCle(nojs).fill('carleur');
        await nojs.getByText('Recherche avancée', { exact: true }).click();
        await nojs.getByRole('combobox', { name: 'Type de contrat' }).selectOption('APPRENTISSAGE');
        await nojs.getByRole('button', { name: 'Rechercher' }).click();
        await expect(nojs).toHaveURL(/q=carleur&departement=&type=APPRENTISSAGE&niveau=/);
        expect(await numerosOnAllPages(nojs)).toContain(numeros.lea);
        await expect(card(nojs, numeros.invisible)).toHaveCount(0);
      } finally {
        await context.close();
      }
    });
  });

  test('un candidat ne peut pas rechercher de profils (403)', async ({ page, loginAs }) => {
    await loginAs('candidat');
    const response = await page.goto('/mon-espace/profils?q=carreleur');
    expect(response?.status()).toBe(403);
    await expect(page.getByText(projetLabel(numeros.lea))).toHaveCount(0);
  });
});
