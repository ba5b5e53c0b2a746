import type { Page } from '@playwright/test';
import { DEMO_SIRETS } from '@/prisma/seed';
import { createActeur, createStructure, createUser, randomSiret } from '@/tests/factories';
import { createPrismaClient } from '@/lib/prisma-client';
import { box, fakeDirectoryMode, fakeDirectoryRequests, newEntrepriseInDirectory, expect, expectNoAxeViolations, formError, signIn, test, uniqueEmail } from './fixtures';


const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());



async function newActeurSignedIn(page: Page) {
  const user = await createUser(db, { role: 'ACTEUR', email: uniqueEmail('onboarding'), prenom: 'Olga', nom: 'Onboard' });
  await signIn(page, user.email);
  await expect(page).toHaveURL(/\/mon-compte\/structure$/);
  return user;
}

test('première connexion : recherche par SIRET → champs remplis → « Valider » → tableau de bord', async ({ page }) => {
  const { siret, nom } = await newEntrepriseInDirectory('CFA TEST');
  await newActeurSignedIn(page);
  await expect(page.getByText('* Champs obligatoires')).toBeVisible();
  await expectNoAxeViolations(page);

  await box(page, 'N° de Siret/Siren').fill(`${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByText('Établissement trouvé')).toBeVisible();
  await expect(box(page, 'Raison sociale')).toHaveValue(nom);
  await expect(box(page, 'Code Naf')).toHaveValue('85.59A');
  await expect(page.getByLabel("Domaine d'activité")).toHaveValue('P');
  await expect(box(page, 'Code postal')).toHaveValue('33300');
  await expect(page.getByLabel('Commune')).toHaveValue('33063');
  await expectNoAxeViolations(page);

  // the other fields
  await page.getByLabel('Type de structure').selectOption('CFA');
  await box(page, 'Téléphone').fill('05 56 12 34 56');
  await page.getByLabel("J'accepte de recevoir des stagiaires de troisième (1 semaine)").check();
  await expect(page.getByText("5 raisons d'accueillir des stagiaires de troisième et de seconde !")).toBeVisible();
  await page.getByRole('button', { name: 'Valider' }).click();

  await expect(page).toHaveURL(/\/mon-espace\?bienvenue=1$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText(`Gestionnaire — ${nom}`);

  const structure = await db.structure.findUniqueOrThrow({ where: { siret }, include: { members: true } });
  expect(structure).toMatchObject({ raisonSociale: nom, codeNaf: '85.59A', domaineActivite: 'P', commune: 'Bordeaux', departementCode: '33', accueilStagiaires3e: true, accueilStagiaires2de: false, telephone: '0556123456' });
  expect(structure.members).toEqual([expect.objectContaining({ role: 'GESTIONNAIRE' })]);
  expect(await db.auditLog.count({ where: { action: 'structure.creation', entityId: structure.id } })).toBe(1);
});

test('numéros invalides : message clair et aucune requête', async ({ page }) => {
  await newActeurSignedIn(page);
  const cases: [string, string][] = [
    ['1234', 'Le numéro doit compter 14 chiffres (SIRET) ou 9 chiffres (SIREN) : vous en avez saisi 4.'],
    ['9135792490001A', 'Le numéro ne doit contenir que des chiffres'],
    ['91357924900017', "Ce numéro de SIRET n'est pas valide : vérifiez les chiffres saisis."],
    ['913579248', "Ce numéro de SIREN n'est pas valide : vérifiez les chiffres saisis."],
  ];
  for (const [value, message] of cases) {
    await box(page, 'N° de Siret/Siren').fill(value);
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await expect(page.locator('#siret-error')).toContainText(message);
  }
  // other specs use the fake at the same time: check that none of these numbers was asked
  const asked = await fakeDirectoryRequests();
  for (const [value] of cases) expect(asked).not.toContain(value);
  await expectNoAxeViolations(page);
});

test('établissement fermé : refusé', async ({ page }) => {
  await newActeurSignedIn(page);
  await box(page, 'N° de Siret/Siren').fill('92468013500028');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.locator('#siret-error')).toContainText('Cet établissement est fermé');
});

test('SIREN : on choisit l’établissement', async ({ page }) => {
  await newActeurSignedIn(page);
  await box(page, 'N° de Siret/Siren').fill('924680135');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const choices = page.getByRole('group', { name: "Choisissez l'établissement de votre structure" });
  await expect(choices.getByRole('radio')).toHaveCount(2);
  await expect(choices.getByRole('radio', { name: /92468013500028/ })).toBeDisabled();
  await choices.getByRole('radio', { name: /92468013500010/ }).check();
  await expect(box(page, 'N° de Siret/Siren')).toHaveValue('92468013500010');
  await expect(box(page, 'Raison sociale')).toHaveValue('MENUISERIES DU BASSIN');
  await expectNoAxeViolations(page);
});

test('annuaire injoignable : on complète à la main et on valide', async ({ page }) => {
  const siret = randomSiret();
  await fakeDirectoryMode('down', siret);
  await newActeurSignedIn(page);
  await box(page, 'N° de Siret/Siren').fill(siret);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByText('Le service de recherche des entreprises ne répond pas.')).toBeVisible();

  // a failed submit keeps what was typed and moves focus to the first error
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(box(page, 'Raison sociale')).toBeFocused();
  await expect(page.locator('#raisonSociale-error')).toHaveText('Saisissez la raison sociale.');
  await expect(box(page, 'N° de Siret/Siren')).toHaveValue(siret);
  await expectNoAxeViolations(page);

  await box(page, 'Raison sociale').fill('Mission locale du Test');
  await page.getByLabel('Type de structure').selectOption('MISSION_LOCALE');
  await box(page, 'Adresse').fill('2 place du Marché');
  await box(page, 'Code postal').fill('64000');
  await expect(page.getByLabel('Commune')).toHaveValue('64445');
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page).toHaveURL(/\/mon-espace\?bienvenue=1$/);
  expect(await db.structure.findUnique({ where: { siret }, select: { commune: true } })).toEqual({ commune: 'Pau' });
});

test('annuaire saturé (429) : message « réessayez »', async ({ page }) => {
  const siret = randomSiret();
  await fakeDirectoryMode('rate-limit', siret);
  await newActeurSignedIn(page);
  await box(page, 'N° de Siret/Siren').fill(siret);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByText('momentanément saturé')).toBeVisible();
});

test('un SIRET déjà inscrit ne peut pas l’être deux fois', async ({ page }) => {
  await fakeDirectoryMode('down', DEMO_SIRETS.cfa);
  await newActeurSignedIn(page);
  await box(page, 'N° de Siret/Siren').fill(DEMO_SIRETS.cfa);
  await box(page, 'Raison sociale').fill('Copie du CFA');
  await page.getByLabel('Type de structure').selectOption('CFA');
  await box(page, 'Adresse').fill('1 rue du Test');
  await box(page, 'Code postal').fill('33300');
  await expect(page.getByLabel('Commune')).toHaveValue('33063');
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.locator('#siret-error')).toContainText('Cette structure est déjà inscrite sur CMonAlternance. Demandez à son gestionnaire de vous ajouter');
  await expect(formError(page)).toBeVisible();
  await expect(page).toHaveURL(/\/mon-compte\/structure$/);
});

test('le gestionnaire modifie sa structure, l’utilisateur la consulte seulement', async ({ page, browser }) => {
  const structure = await createStructure(db, { raisonSociale: `Structure modifiable ${Date.now()}`, codePostal: '33300', communeInsee: '33063' });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('g-structure') });
  const utilisateur = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('u-structure') });

  await signIn(page, gestionnaire.email);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto('/mon-compte/structure');
  await expect(page.getByText(`N° de Siret : ${structure.siret}`)).toBeVisible();
  await box(page, 'Téléphone').fill('0559998877');
  await page.getByLabel("J'accepte de recevoir des stagiaires de seconde (2 semaines)").check();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByText('Les informations de votre structure ont été enregistrées.')).toBeVisible();
  expect(await db.structure.findUniqueOrThrow({ where: { id: structure.id } })).toMatchObject({ telephone: '0559998877', accueilStagiaires2de: true });
  expect(await db.auditLog.count({ where: { action: 'structure.modification', entityId: structure.id } })).toBe(1);

  // « Vite mon stage » lists it at once, and no longer once the box is unticked
  const listed = `/vite-mon-stage?departement=33&niveau=2de&commune=33063`;
  await page.goto(listed);
  await expect(page.getByRole('main')).toContainText(structure.raisonSociale);
  await page.goto('/mon-compte/structure');
  await page.getByLabel("J'accepte de recevoir des stagiaires de seconde (2 semaines)").uncheck();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByText('Les informations de votre structure ont été enregistrées.')).toBeVisible();
  await page.goto(listed);
  await expect(page.getByRole('main')).not.toContainText(structure.raisonSociale);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, utilisateur.email);
  await expect(otherPage).toHaveURL(/\/mon-espace$/);
  await otherPage.goto('/mon-compte/structure');
  await expect(otherPage.getByText('Seul le gestionnaire peut les modifier.')).toBeVisible();
  await expect(otherPage.getByRole('button', { name: 'Valider' })).toHaveCount(0);
  await expect(otherPage.getByText('0559998877')).toBeVisible();
  await expectNoAxeViolations(otherPage);
  await other.close();
});
