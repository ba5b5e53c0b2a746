import { DEMO_PASSWORD } from '@/tests/factories';
import { expect, formError, signIn, signOut, test, uniqueEmail, waitForEmail } from './fixtures';

const NEW_PASSWORD = 'Nouveau-mot2passe!';

test.describe('Créer un compte, se connecter, se déconnecter', () => {
  for (const kind of [
    { label: 'Je suis candidat', home: '/candidat', heading: 'Mon espace candidat' },
    { label: "Je suis un acteur de la formation et de l'insertion", home: '/mon-compte/structure', heading: 'Ma structure' },
  ]) {
    test(`inscription « ${kind.label} » → connexion → déconnexion`, async ({ page }) => {
      const email = uniqueEmail('inscription');
      await page.goto('/inscription');
      await page.getByLabel(kind.label).check();
      await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Inès');
      await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Testeuse');
      await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(email.toUpperCase());
      await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('textbox', { name: 'Confirmation du mot de passe', exact: true }).fill(DEMO_PASSWORD);
      await page.getByLabel(/J'ai lu et j'accepte/).check();
      await page.getByRole('button', { name: 'Créer mon compte' }).click();

      await expect(page).toHaveURL(new RegExp(`${kind.home}$`));
      await expect(page.getByRole('heading', { level: 1, name: kind.heading })).toBeVisible();
      await expect(page.getByTestId('current-user')).toContainText('Inès Testeuse');
      await waitForEmail(email, 'Bienvenue sur CMonAlternance');

      await signOut(page);
      await expect(page).toHaveURL(/\/connexion/);
      await expect(page.getByTestId('current-user')).toHaveCount(0);

      // the e-mail is case-insensitive
      await signIn(page, email);
      await expect(page).toHaveURL(new RegExp(`${kind.home}$`));
    });
  }

  test('une adresse déjà utilisée est refusée, quelle que soit la casse', async ({ page }) => {
    await page.goto('/inscription?profil=candidat');
    await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Léa');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Doublon');
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('Candidat@Exemple.test');
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('textbox', { name: 'Confirmation du mot de passe', exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel(/J'ai lu et j'accepte/).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page.getByText('Un compte existe déjà avec cette adresse e-mail').first()).toBeVisible();
    await expect(page).toHaveURL(/\/inscription/);
  });

  test('la politique de mot de passe est affichée et appliquée', async ({ page }) => {
    await page.goto('/inscription?profil=candidat');
    await expect(page.getByText('au moins 12 caractères')).toBeVisible();
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('court');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page.locator('#password-error')).toContainText('Le mot de passe doit contenir au moins 12 caractères');
    await expect(page.getByRole('textbox', { name: 'Prénom', exact: true })).toBeFocused();
  });
});

test.describe('Se connecter', () => {
  test('mauvais mot de passe et compte inconnu : le même message', async ({ page }) => {
    await signIn(page, 'candidat@exemple.test', 'Mauvais-mot-de-passe1');
    await expect(formError(page)).toHaveText('E-mail ou mot de passe incorrect');
    await signIn(page, uniqueEmail('inconnu'), 'Mauvais-mot-de-passe1');
    await expect(formError(page)).toHaveText('E-mail ou mot de passe incorrect');
  });

  test('les échecs répétés sont limités par e-mail', async ({ page }) => {
    const email = uniqueEmail('limite');
    for (let i = 0; i < 10; i++) {
      await signIn(page, email, `Faux-mot-de-passe-${i}`);
      await expect(formError(page)).toHaveText('E-mail ou mot de passe incorrect');
    }
    await signIn(page, email, 'Faux-mot-de-passe-11');
    await expect(formError(page)).toContainText('Trop de tentatives');
  });

  test('chaque rôle arrive sur son accueil et voit ses menus', async ({ page, loginAs }) => {
    await loginAs('admin');
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('button', { name: 'Administration' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Mon compte' })).toHaveCount(0);
    await signOut(page);

    await loginAs('gestionnaire');
    await expect(page).toHaveURL(/\/mon-espace$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
    for (const menu of ['Mon compte', 'Mes offres', 'Mon espace']) await expect(page.getByRole('button', { name: menu })).toBeVisible();
    await page.getByRole('button', { name: 'Mon compte' }).click();
    await expect(page.getByRole('link', { name: 'Utilisateurs de ma structure' })).toBeVisible();
    await page.getByRole('button', { name: 'Mes offres' }).click();
    for (const link of ['Suivi des employeurs', 'Créer une offre', 'Mes offres']) await expect(page.getByRole('link', { name: link, exact: true })).toBeVisible();
    await signOut(page);

    await loginAs('utilisateur');
    await expect(page).toHaveURL(/\/mon-espace$/);
    await page.getByRole('button', { name: 'Mon compte' }).click();
    await expect(page.getByRole('link', { name: 'Ma structure' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Utilisateurs de ma structure' })).toHaveCount(0);
    await signOut(page);

    await loginAs('candidat');
    await expect(page).toHaveURL(/\/candidat$/);
    await expect(page.getByRole('button', { name: 'Mon espace candidat' })).toBeVisible();
    await expect(page.getByTestId('nb-projets')).toHaveText('1 projet');
  });
});

test('mot de passe oublié → e-mail → nouveau mot de passe → lien à usage unique', async ({ page, browser }) => {
  // a fresh account, so the demo passwords stay untouched
  const email = uniqueEmail('reset');
  await page.goto('/inscription?profil=candidat');
  await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Rémi');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Oubli');
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('textbox', { name: 'Confirmation du mot de passe', exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel(/J'ai lu et j'accepte/).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page).toHaveURL(/\/candidat$/);

  // another browser stays signed in: the reset must end that session
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email);
  await expect(otherPage).toHaveURL(/\/candidat$/);

  await signOut(page);
  await page.goto('/mot-de-passe-oublie');
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(email);
  await page.getByRole('button', { name: 'Recevoir un lien de réinitialisation' }).click();
  await expect(page.getByText('Si un compte existe avec cette adresse')).toBeVisible();

  const mail = await waitForEmail(email, 'Réinitialisation de votre mot de passe');
  const link = mail.text.match(/https?:\/\/\S+\/reinitialiser-mot-de-passe\/[\w-]+/)?.[0];
  expect(link, 'lien dans l’e-mail').toBeTruthy();
  expect(mail.html).toContain(link!);

  await page.goto(link!);
  await page.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('textbox', { name: 'Confirmation du nouveau mot de passe', exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }).click();
  await expect(page).toHaveURL(/\/connexion\?reinitialise=1/);

  await signIn(page, email, DEMO_PASSWORD);
  await expect(formError(page)).toHaveText('E-mail ou mot de passe incorrect');
  await signIn(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/candidat$/);

  // the link is single-use
  await page.goto(link!);
  await expect(page.getByText("Ce lien de réinitialisation n'est plus valide")).toBeVisible();

  // the other session ended with the password change
  await otherPage.goto('/candidat');
  await expect(otherPage).toHaveURL(/\/connexion/);
  await other.close();
});
