import { expect, expectNoAxeViolations, test } from './fixtures';

const PUBLIC_PAGES = [
  '/',
  '/connexion',
  '/inscription',
  '/mot-de-passe-oublie',
  '/reinitialiser-mot-de-passe/lien-invalide-0000000000000',
  '/offres',
  '/vite-mon-stage',
  '/mentions-legales',
  '/politique-rgpd',
  '/confidentialite',
  '/charte',
  '/accessibilite',
  '/aide',
];

test.describe('Accessibilité (axe, WCAG 2.1 A/AA)', () => {
  for (const path of PUBLIC_PAGES) {
    test(`page publique ${path}`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBeLessThan(400);
      await expect(page.locator('h1')).toHaveCount(1);
      await expectNoAxeViolations(page);
    });
  }

  test('formulaire de connexion en erreur', async ({ page }) => {
    await page.goto('/connexion');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.locator('#email-error')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('espace acteur et menus ouverts', async ({ page, loginAs }) => {
    await loginAs('gestionnaire');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Mon espace' }).click();
    await expectNoAxeViolations(page);
  });

  test('à 360 px, pas de défilement horizontal', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/connexion', '/inscription']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });

  test('le lien « Aller au contenu » est le premier élément atteint au clavier', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  });
});
