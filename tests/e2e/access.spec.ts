import { expect, signOut, test } from './fixtures';

test.describe('Accès aux espaces', () => {
  for (const path of ['/mon-espace', '/admin', '/mon-compte/structure', '/candidat', '/mes-offres/nouvelle']) {
    test(`un visiteur non connecté est envoyé de ${path} vers « Se connecter »`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/connexion\\?callbackUrl=${encodeURIComponent(path).replace(/%2F/g, '(%2F|/)')}`));
      await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
    });
  }

  test('après connexion, on revient à la page demandée', async ({ page }) => {
    await page.goto('/mon-espace/favoris');
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('gestionnaire@cfa-batiment-gironde.test');
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('Alternance2026!');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/mon-espace\/favoris$/);
  });

  for (const persona of ['candidat', 'gestionnaire'] as const) {
    test(`${persona} : /admin est refusé (403)`, async ({ page, loginAs }) => {
      await loginAs(persona);
      for (const path of ['/admin', '/admin/employeurs', '/admin/utilisateurs']) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
      }
    });
  }

  test('un candidat ne peut pas ouvrir l’espace acteur, ni un acteur l’espace candidat', async ({ page, loginAs }) => {
    await loginAs('candidat');
    expect((await page.goto('/mon-espace'))?.status()).toBe(403);
    expect((await page.goto('/mes-offres'))?.status()).toBe(403);
    await signOut(page);
    await loginAs('utilisateur');
    expect((await page.goto('/candidat'))?.status()).toBe(403);
  });

  test('un utilisateur (non gestionnaire) est renvoyé à l’accueil avec le message du guide', async ({ page, loginAs }) => {
    await loginAs('utilisateur');
    await page.goto('/mon-compte/utilisateurs');
    await expect(page).toHaveURL(/\/\?erreur=gestionnaire$/);
    await expect(page.getByText('Seul le gestionnaire peut accéder aux rôles utilisateurs de ma structure', { exact: true })).toBeVisible();
  });

  test('le gestionnaire voit les membres de sa structure et pas ceux d’une autre', async ({ page, loginAs }) => {
    await loginAs('gestionnaire');
    await page.goto('/mon-compte/utilisateurs');
    const members = page.getByRole('list', { name: 'Membres de la structure' });
    await expect(members).toContainText('utilisateur@cfa-batiment-gironde.test');
    await expect(members).not.toContainText('mission-locale-pau');
  });

  test('un acteur sans structure est envoyé sur « Ma structure »', async ({ page }) => {
    // created by the sign-up spec too, but keep this test independent
    await page.goto('/inscription?profil=acteur');
    const email = `sans-structure-${Date.now()}@exemple.test`;
    await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Sam');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Structure');
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(email);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('Alternance2026!');
    await page.getByRole('textbox', { name: 'Confirmation du mot de passe', exact: true }).fill('Alternance2026!');
    await page.getByLabel(/J'ai lu et j'accepte/).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page).toHaveURL(/\/mon-compte\/structure$/);
    await page.goto('/mon-espace');
    await expect(page).toHaveURL(/\/mon-compte\/structure$/);
  });
});

test('une désactivation prend effet à la requête suivante (rôle et statut relus en base)', async ({ page }) => {
  const { createPrismaClient } = await import('@/lib/prisma-client');
  const { createUser } = await import('@/tests/factories');
  const db = createPrismaClient(process.env.DATABASE_URL!, { max: 1 });
  try {
    const user = await createUser(db, { role: 'CANDIDAT', email: `desactive-${Date.now()}@exemple.test` });
    await page.goto('/connexion');
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(user.email);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('Alternance2026!');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).toHaveURL(/\/candidat$/);

    await db.user.update({ where: { id: user.id }, data: { active: false } });
    await page.goto('/candidat');
    await expect(page).toHaveURL(/\/connexion$/);
    await expect(page.getByTestId('current-user')).toHaveCount(0);

    // a role changed in the database is what counts, not what the cookie was issued for
    await db.user.update({ where: { id: user.id }, data: { active: true, role: 'ADMIN' } });
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toContainText("Tableau de bord de l'équipe CMonAlternance");
  } finally {
    await db.$disconnect();
  }
});
