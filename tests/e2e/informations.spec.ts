import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { DEMO_PASSWORD } from '@/tests/factories';
import { expect, expectNoAxeViolations, signIn, signOut, test, uniqueEmail, waitForEmail } from './fixtures';

const PAGE = '/mon-compte/informations';
const NEW_PASSWORD = 'Nouveau-mot2passe!';

/** A fresh acteur in a fresh, completed structure: credentials can change without touching the demo accounts. */
async function withFreshActeur<T>(role: 'GESTIONNAIRE' | 'UTILISATEUR', run: (acteur: { id: string; email: string; numero: number }) => Promise<T>) {
  const { createPrismaClient } = await import('@/lib/prisma-client');
  const { createActeur, createStructure } = await import('@/tests/factories');
  const db = createPrismaClient(process.env.DATABASE_URL!, { max: 1 });
  try {
    const structure = await createStructure(db, { raisonSociale: 'Mission locale des Essais' });
    const acteur = await createActeur(db, structure.id, role, { email: uniqueEmail('compte'), prenom: 'Fanny', nom: 'Fraîche' });
    return await run(acteur);
  } finally {
    await db.$disconnect();
  }
}

function form(page: Page, name: string) {
  return page.getByRole('form', { name, exact: true });
}

async function openPage(page: Page) {
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { level: 1, name: 'Mes informations personnelles' })).toBeVisible();
}

test.describe('Mon compte - Mes informations personnelles', () => {
  test('l’utilisateur de démonstration voit son numéro, sa structure, et modifie ses informations', async ({ page, loginAs }) => {
    const { createPrismaClient } = await import('@/lib/prisma-client');
    const db = createPrismaClient(process.env.DATABASE_URL!, { max: 1 });
    const original = await db.user.findUniqueOrThrow({
      where: { email: DEMO_ACCOUNTS.utilisateur },
      select: { id: true, numero: true, prenom: true, nom: true, telephone: true },
    });
    try {
      await loginAs('utilisateur');
      await openPage(page);
      await expect(page.getByText('Vous retrouvez les informations de votre compte.')).toBeVisible();
      await expect(page.getByTestId('numero-utilisateur')).toHaveText(`UTILISATEUR ${String(original.numero).padStart(9, '0')}`);
      await expect(page.getByRole('definition').filter({ hasText: 'CFA du Bâtiment de la Gironde' })).toBeVisible();
      await expectNoAxeViolations(page);

      const infos = form(page, 'Mes informations');
      await expect(infos.getByRole('textbox', { name: 'Prénom', exact: true })).toHaveValue(original.prenom);

      // a foreign phone number: a French message on the field, the typed values kept
      await infos.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Ursula');
      await infos.getByRole('textbox', { name: 'Téléphone (facultatif)', exact: true }).fill('12 34');
      await infos.getByRole('button', { name: 'Enregistrer' }).click();
      const phone = infos.getByRole('textbox', { name: 'Téléphone (facultatif)', exact: true });
      await expect(page.locator('#telephone-error')).toHaveText(
        'Saisissez un numéro de téléphone français valide, par exemple 05 56 00 00 00.',
      );
      await expect(phone).toHaveAttribute('aria-invalid', 'true');
      await expect(phone).toBeFocused();
      await expect(infos.getByRole('textbox', { name: 'Prénom', exact: true })).toHaveValue('Ursula');
      await expectNoAxeViolations(page);

      await infos.getByRole('textbox', { name: 'Nom', exact: true }).fill('Utilissime');
      await phone.fill('05 56 12 34 56');
      await infos.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(infos.getByRole('status')).toHaveText('Vos informations ont été enregistrées.');
      await expect(page.getByTestId('current-user')).toContainText('Ursula Utilissime');

      // stored, and shown again after a reload
      await page.reload();
      await expect(page.getByTestId('current-user')).toContainText('Ursula Utilissime');
      await expect(form(page, 'Mes informations').getByRole('textbox', { name: 'Téléphone (facultatif)', exact: true })).toHaveValue('05 56 12 34 56');

      // an empty name is refused
      await form(page, 'Mes informations').getByRole('textbox', { name: 'Nom', exact: true }).fill('');
      await form(page, 'Mes informations').getByRole('button', { name: 'Enregistrer' }).click();
      await expect(page.locator('#nom-error')).toHaveText('Saisissez votre nom.');
    } finally {
      await db.user.update({
        where: { id: original.id },
        data: { prenom: original.prenom, nom: original.nom, telephone: original.telephone },
      });
      await db.$disconnect();
    }
  });

  test('un acteur modifie son adresse e-mail avec son mot de passe, puis se connecte avec la nouvelle', async ({ page }) => {
    await withFreshActeur('GESTIONNAIRE', async (acteur) => {
      await signIn(page, acteur.email);
      await expect(page).toHaveURL(/\/mon-espace$/);
      await openPage(page);
      await expect(page.getByTestId('numero-utilisateur')).toHaveText(`GESTIONNAIRE ${String(acteur.numero).padStart(9, '0')}`);
      await expect(page.getByTestId('email-actuel')).toHaveText(acteur.email);

      const emailForm = form(page, 'Modifier mon adresse e-mail');
      const newEmail = uniqueEmail('nouvelle-adresse');

      // the current password is required
      await emailForm.getByRole('textbox', { name: 'Nouvelle adresse e-mail', exact: true }).fill(newEmail);
      await emailForm.getByRole('button', { name: 'Modifier mon adresse e-mail' }).click();
      await expect(page.locator('#email-mot-de-passe-actuel-error')).toHaveText('Saisissez votre mot de passe actuel.');

      // a wrong password
      await emailForm.getByRole('textbox', { name: 'Mot de passe actuel', exact: true }).fill('Pas-le-bon-1!');
      await emailForm.getByRole('button', { name: 'Modifier mon adresse e-mail' }).click();
      await expect(page.locator('#email-mot-de-passe-actuel-error')).toHaveText('Mot de passe incorrect.');
      await expect(emailForm.getByRole('textbox', { name: 'Mot de passe actuel', exact: true })).toBeFocused();
      await expect(emailForm.getByRole('textbox', { name: 'Nouvelle adresse e-mail', exact: true })).toHaveValue(newEmail);
      await expectNoAxeViolations(page);

      // an address already used, whatever its case: one sentence, nothing more
      await emailForm.getByRole('textbox', { name: 'Nouvelle adresse e-mail', exact: true }).fill(DEMO_ACCOUNTS.candidat.toUpperCase());
      await emailForm.getByRole('textbox', { name: 'Mot de passe actuel', exact: true }).fill(DEMO_PASSWORD);
      await emailForm.getByRole('button', { name: 'Modifier mon adresse e-mail' }).click();
      await expect(page.locator('#nouvel-email-error')).toHaveText('Un compte existe déjà avec cette adresse e-mail.');

      // the right password
      await emailForm.getByRole('textbox', { name: 'Nouvelle adresse e-mail', exact: true }).fill(newEmail.toUpperCase());
      await emailForm.getByRole('textbox', { name: 'Mot de passe actuel', exact: true }).fill(DEMO_PASSWORD);
      await emailForm.getByRole('button', { name: 'Modifier mon adresse e-mail' }).click();
      await expect(emailForm.getByRole('status')).toContainText('Votre adresse e-mail a été modifiée.');
      await expect(page.getByTestId('email-actuel')).toHaveText(newEmail);
      await waitForEmail(newEmail, 'Confirmation de votre nouvelle adresse e-mail');
      const notice = await waitForEmail(acteur.email, "L'adresse e-mail de votre compte CMonAlternance a été modifiée");
      expect(notice.text).toContain("Si vous n'êtes pas à l'origine de cette modification");

      await signOut(page);
      await signIn(page, acteur.email);
      await expect(page.locator('#form-error')).toHaveText('E-mail ou mot de passe incorrect');
      await signIn(page, newEmail);
      await expect(page).toHaveURL(/\/mon-espace$/);
      await expect(page.getByTestId('current-user')).toContainText('Fanny Fraîche');
    });
  });

  test('changer de mot de passe garde ce navigateur connecté et ferme les autres sessions', async ({ page, browser }) => {
    await withFreshActeur('UTILISATEUR', async (acteur) => {
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      await signIn(page, acteur.email);
      await expect(page).toHaveURL(/\/mon-espace$/);

      // browser B, signed in as the same user
      const other = await browser.newContext();
      try {
        const otherPage = await other.newPage();
        await signIn(otherPage, acteur.email);
        await expect(otherPage).toHaveURL(/\/mon-espace$/);

        await openPage(page);
        const passwordForm = form(page, 'Modifier mon mot de passe');
        await expect(passwordForm.getByText('au moins 12 caractères')).toBeVisible();

        // policy, confirmation and current password are checked, with messages on the fields
        await passwordForm.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill('court');
        await passwordForm.getByRole('button', { name: 'Modifier mon mot de passe' }).click();
        await expect(page.locator('#nouveau-mot-de-passe-error')).toContainText('Le mot de passe doit contenir au moins 12 caractères');
        await expect(page.locator('#mdp-mot-de-passe-actuel-error')).toHaveText('Saisissez votre mot de passe actuel.');
        await expectNoAxeViolations(page);

        await passwordForm.getByRole('textbox', { name: 'Mot de passe actuel', exact: true }).fill('Pas-le-bon-1!');
        await passwordForm.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill(NEW_PASSWORD);
        await passwordForm.getByRole('textbox', { name: 'Confirmation du nouveau mot de passe', exact: true }).fill(NEW_PASSWORD);
        await passwordForm.getByRole('button', { name: 'Modifier mon mot de passe' }).click();
        await expect(page.locator('#mdp-mot-de-passe-actuel-error')).toHaveText('Mot de passe incorrect.');

        await passwordForm.getByRole('textbox', { name: 'Mot de passe actuel', exact: true }).fill(DEMO_PASSWORD);
        await passwordForm.getByRole('button', { name: 'Modifier mon mot de passe' }).click();
        await expect(passwordForm.getByRole('status')).toHaveText('Votre mot de passe a été modifié. Vos autres sessions ouvertes ont été fermées.');
        await expect(passwordForm.getByRole('status')).toBeFocused();
        await expect(passwordForm.getByRole('textbox', { name: 'Mot de passe actuel', exact: true })).toHaveValue('');
        await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
        await expect(page.getByTestId('current-user')).toContainText('Fanny Fraîche');
        await expectNoAxeViolations(page);

        const mail = await waitForEmail(acteur.email, 'mot de passe');
        expect(mail.text).toContain("Si vous n'êtes pas à l'origine de cette modification");
        expect(mail.text).not.toContain(NEW_PASSWORD);

        // A stays signed in
        await page.goto('/mon-espace');
        await expect(page).toHaveURL(/\/mon-espace$/);
        await expect(page.getByTestId('current-user')).toContainText('Fanny Fraîche');
        await openPage(page);

        // B is sent to « Se connecter » on its next navigation
        await otherPage.goto(PAGE);
        await expect(otherPage).toHaveURL(/\/connexion/);
        await expect(otherPage.getByTestId('current-user')).toHaveCount(0);
      } finally {
        await other.close();
      }

      // wrong passwords answer 200 with a message: nothing failed in the browser
      expect(pageErrors).toEqual([]);

      // the old password no longer works, the new one does
      await signOut(page);
      await signIn(page, acteur.email, DEMO_PASSWORD);
      await expect(page.locator('#form-error')).toHaveText('E-mail ou mot de passe incorrect');
      await signIn(page, acteur.email, NEW_PASSWORD);
      await expect(page).toHaveURL(/\/mon-espace$/);
    });
  });

  test('la page est réservée aux acteurs', async ({ page, loginAs }) => {
    await loginAs('candidat');
    const response = await page.goto(PAGE);
    expect(response?.status()).toBe(403);
  });
});
