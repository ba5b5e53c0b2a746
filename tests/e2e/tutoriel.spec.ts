import type { Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { createActeur, createStructure, createUser } from '@/tests/factories';
import { box, callServerAction, expect, expectNoAxeViolations, newEntrepriseInDirectory, signIn, signOut, test, uniqueEmail } from './fixtures';

/** « Suivez le guide ! »: the interactive tutorial, offered once, keyboard only, resumed where the user stopped. */
const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const tutoriel = (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { tutorielStatut: true, tutorialStep: true } });

/** The tour's popover: a dialog named by the step's title, with « n / total » and its spoken form. */
async function expectStep(page: Page, title: string, n: number, total: number, path: RegExp) {
  await expect(page).toHaveURL(path);
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`${n} / ${total}`, { exact: true })).toBeVisible();
  await expect(dialog.getByText(`Étape ${n} sur ${total}`, { exact: true })).toBeAttached();
  // focus is in the popover, on its main action
  await expect(dialog.getByRole('button', { name: n === total ? 'Terminer' : 'Suivant' })).toBeFocused();
  return dialog;
}

/** Tab until this button has the focus (at most `max` presses): proves it is reachable with the keyboard. */
async function tabTo(page: Page, name: string, max = 40) {
  const button = page.getByRole('button', { name, exact: true });
  for (let i = 0; i < max; i++) {
    if (await button.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(button).toBeFocused();
}

test('acteur : l’invitation paraît une seule fois, après « Valider » la structure ; « Commencer le tutoriel » au clavier', async ({ page }) => {
  const { siret } = await newEntrepriseInDirectory('CFA TUTO');
  const acteur = await createUser(db, { role: 'ACTEUR', email: uniqueEmail('tuto'), prenom: 'Tina', nom: 'Tuto' });
  await signIn(page, acteur.email);
  await expect(page).toHaveURL(/\/mon-compte\/structure$/);
  // no tour before the structure is completed
  expect(await tutoriel(acteur.id)).toEqual({ tutorielStatut: 'JAMAIS_PROPOSE', tutorialStep: null });
  await box(page, 'N° de Siret/Siren').fill(siret);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByText('Établissement trouvé')).toBeVisible();
  await expect(page.getByLabel('Commune')).toHaveValue('33063');
  await page.getByLabel('Type de structure').selectOption('CFA');
  await box(page, 'Téléphone').fill('05 56 12 34 56');
  await page.getByRole('button', { name: 'Valider' }).click();

  // the invitation, once
  await expect(page).toHaveURL(/\/mon-espace\?bienvenue=1$/);
  const invitation = page.getByRole('region', { name: 'Découvrir la plateforme en suivant le guide' });
  await expect(invitation).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await tutoriel(acteur.id)).toEqual({ tutorielStatut: 'PROPOSE', tutorialStep: null });
  // « Commencer le tutoriel », keyboard only: the tour starts on this page
  await tabTo(page, 'Commencer le tutoriel');
  await page.keyboard.press('Enter');
  await expectStep(page, 'Se connecter', 1, 13, /\/mon-espace\?bienvenue=1$/);
  await expect(invitation).toHaveCount(0);
  await expect.poll(() => tutoriel(acteur.id)).toEqual({ tutorielStatut: 'EN_COURS', tutorialStep: 1 });
  // offered once: the same page again shows the tour where he is, not the invitation
  await page.reload();
  await expectStep(page, 'Se connecter', 1, 13, /\/mon-espace\?bienvenue=1$/);
  await expect(invitation).toHaveCount(0);
});

test('acteur : visite au clavier sur plusieurs pages, Précédent, reprise après rechargement et reconnexion, Passer, relance depuis Aide, Terminer', async ({ page }) => {
  test.setTimeout(90_000);
  const structure = await createStructure(db);
  const acteur = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('tuto-clavier') });
  await signIn(page, acteur.email);
  await expect(page.getByTestId('current-user')).toBeVisible();

  // started from /aide, keyboard only
  await page.goto('/aide');
  await tabTo(page, 'Lancer le tutoriel');
  await page.keyboard.press('Enter');
  let dialog = await expectStep(page, 'Se connecter', 1, 13, /\/mon-espace$/);
  await expect(dialog.getByRole('button', { name: 'Précédent' })).toHaveCount(0);
  await expect(dialog.getByRole('heading', { level: 2, name: 'Se connecter' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expectNoAxeViolations(page);
  // Tab stays in the popover
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')) || Boolean(document.activeElement?.closest('.driver-active-element')))).toBe(true);
  }
  await tabTo(page, 'Suivant');
  await page.keyboard.press('Enter');

  // next page: « Créer la structure » on the real form, the SIRET field highlighted
  dialog = await expectStep(page, 'Créer la structure', 2, 13, /\/mon-compte\/structure$/);
  await expect(dialog).toContainText('Saisissez le n° de Siret/Siren');
  await expect(page.locator('[data-tutoriel="structure-identification"]')).toHaveClass(/driver-active-element/);
  await page.keyboard.press('Enter');
  dialog = await expectStep(page, 'Focus sur le stage de troisième', 3, 13, /\/mon-compte\/structure$/);
  await expect(page.locator('[data-tutoriel="structure-stagiaires"]')).toHaveClass(/driver-active-element/);

  // « Précédent »
  await tabTo(page, 'Précédent');
  await page.keyboard.press('Enter');
  await expectStep(page, 'Créer la structure', 2, 13, /\/mon-compte\/structure$/);
  await page.keyboard.press('Enter');
  await expectStep(page, 'Focus sur le stage de troisième', 3, 13, /\/mon-compte\/structure$/);
  await page.keyboard.press('Enter');
  await expectStep(page, 'Ma structure', 4, 13, /\/mon-compte\/structure$/);
  await expect.poll(() => tutoriel(acteur.id)).toEqual({ tutorielStatut: 'EN_COURS', tutorialStep: 4 });

  // leaving and coming back: a reload resumes at the saved step
  await page.reload();
  await expectStep(page, 'Ma structure', 4, 13, /\/mon-compte\/structure$/);

  // Escape = « Passer »: the tour stops, the step is kept
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => tutoriel(acteur.id)).toEqual({ tutorielStatut: 'PASSE', tutorialStep: 4 });
  await page.goto('/mon-compte/structure');
  await expect(page.getByRole('heading', { level: 1, name: 'Ma structure' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // signed out and in again: « Aide » resumes where he stopped
  await signOut(page);
  await signIn(page, acteur.email);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByRole('link', { name: 'Aide', exact: true }).first().click();
  await tabTo(page, 'Reprendre le tutoriel (étape 4 / 13)');
  await page.keyboard.press('Enter');
  await expectStep(page, 'Ma structure', 4, 13, /\/mon-compte\/structure$/);
  await page.keyboard.press('Enter');
  dialog = await expectStep(page, 'Mes informations personnelles', 5, 13, /\/mon-compte\/informations$/);

  // the « Passer » button
  await tabTo(page, 'Passer');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Tutoriel interrompu' })).toBeAttached();
  await expect.poll(() => tutoriel(acteur.id)).toEqual({ tutorielStatut: 'PASSE', tutorialStep: 5 });

  // the last step: « Terminer »
  await db.user.update({ where: { id: acteur.id }, data: { tutorialStep: 13 } });
  await page.goto('/aide');
  await page.getByRole('button', { name: 'Reprendre le tutoriel (étape 13 / 13)' }).click();
  dialog = await expectStep(page, 'Répondre à une candidature', 13, 13, /\/mon-espace\/candidatures$/);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => tutoriel(acteur.id)).toEqual({ tutorielStatut: 'TERMINE', tutorialStep: null });
  await page.goto('/aide');
  await expect(page.getByRole('button', { name: 'Lancer le tutoriel' })).toBeVisible();
});

test('candidat : invitation à la première visite, parcours court (projet, CV, postuler, candidatures) jusqu’à « Terminer »', async ({ page }) => {
  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('tuto-candidat'), prenom: 'Camille', nom: 'Tuto' });
  await signIn(page, candidat.email);
  await expect(page).toHaveURL(/\/candidat$/);
  await expect(page.getByRole('region', { name: 'Découvrir la plateforme en suivant le guide' })).toBeVisible();
  await tabTo(page, 'Commencer le tutoriel');
  await page.keyboard.press('Enter');
  await expectStep(page, 'Mon projet', 1, 4, /\/candidat\/projets$/);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expectStep(page, 'Mon CV', 2, 4, /\/candidat\/projets$/);
  await page.keyboard.press('Enter');
  await expectStep(page, 'Postuler', 3, 4, /\/offres$/);
  await page.keyboard.press('Enter');
  await expectStep(page, 'Suivre mes candidatures', 4, 4, /\/candidat\/candidatures$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => tutoriel(candidat.id)).toEqual({ tutorielStatut: 'TERMINE', tutorialStep: null });
  // offered once: the next visit has no invitation
  await page.goto('/candidat');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace candidat' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Découvrir la plateforme en suivant le guide' })).toHaveCount(0);
});

test('un candidat ne peut pas enregistrer une étape du tutoriel des acteurs (appel forgé refusé)', async ({ page, loginAs }) => {
  await loginAs('candidat');
  const candidat = await db.user.findUniqueOrThrow({ where: { email: 'candidat@exemple.test' }, select: { id: true } });
  const before = await tutoriel(candidat.id);
  const ACTION = 'lib/actions/tutoriel.ts';
  const wrongTour = await callServerAction(page, ACTION, 'saveTutorielEtapeAction', [{ parcours: 'ACTEUR', etape: 2 }], '/aide');
  expect(wrongTour.body).toContain('"ok":false');
  expect(wrongTour.body).toContain("Ce tutoriel n'est pas celui de votre espace.");
  const beyond = await callServerAction(page, ACTION, 'saveTutorielEtapeAction', [{ parcours: 'CANDIDAT', etape: 9 }], '/aide');
  expect(beyond.body).toContain("Cette étape n'existe pas dans le tutoriel.");
  const forgedUser = await callServerAction(page, ACTION, 'terminerTutorielAction', [{ parcours: 'ACTEUR', userId: 'x' }], '/aide');
  expect(forgedUser.body).toContain('"ok":false');
  expect(await tutoriel(candidat.id)).toEqual(before);
});

test('« Aide » mène au mode d’emploi, page du site avec sommaire, chapitres et liens vers les vraies pages', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Aide', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aide' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Connectez-vous' })).toBeVisible();
  await page.getByRole('link', { name: "Mode d'emploi des acteurs de la formation et de l'insertion" }).last().click();
  await expect(page).toHaveURL(/\/aide\/mode-emploi$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Mode d'emploi des acteurs de la formation et de l'insertion");
  for (const chapitre of ['Préambule', 'Mon compte', 'Mes offres', 'Mon espace', 'Et après...']) {
    await expect(page.getByRole('heading', { level: 2, name: chapitre, exact: true })).toBeVisible();
  }
  for (const section of ['Se connecter', 'Créer la structure', 'Utilisateurs de ma structure', 'Répondre à une candidature']) {
    await expect(page.getByRole('heading', { level: 3, name: section, exact: true })).toBeVisible();
  }
  await expectNoAxeViolations(page);
  // the table of contents' anchors
  const sommaire = page.getByRole('navigation', { name: 'Sommaire' });
  await sommaire.getByRole('link', { name: 'Gérer les candidatures à vos offres' }).click();
  await expect(page).toHaveURL(/#gerer-les-candidatures$/);
  await expect(page.getByRole('heading', { level: 3, name: 'Gérer les candidatures à vos offres' })).toBeInViewport();
  // the screenshots are links to the real pages
  await expect(page.locator('a[href="/mon-compte/structure"]').first()).toBeVisible();
  await expect(page.locator('a[href="/mes-offres/employeurs"]').first()).toBeVisible();
  await page.locator('a[href="/mes-offres/employeurs/ajouter"]').first().click();
  await expect(page).toHaveURL(/\/connexion/); // a real page (signed out: asks to sign in)
});
