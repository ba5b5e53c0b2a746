import type { Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { createActeur, createEmployeur, createStructure, createUser, linkEmployeur, randomSiret } from '@/tests/factories';
import { box, fakeDirectoryMode, fakeDirectoryRequests, newEntrepriseInDirectory, callServerAction, expect, expectNoAxeViolations, formError, signIn, test, uniqueEmail, waitForEmail } from './fixtures';

/**
 * « Suivi des employeurs » and « Ajouter un employeur », as fresh acteurs of fresh structures.
 * Failure modes of the fake directory are set per SIRET, so these tests can run beside others.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const LIST = '/mes-offres/employeurs';
const ADD = '/mes-offres/employeurs/ajouter';
const CONFIRMATION = "La demande d'ajout d'un employeur devra être validée par l'équipe CMonAlternance.";
const CLOSED_SIRET = '92468013500028';

const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });


/** A fresh structure with its gestionnaire (and an utilisateur), signed in as `who`. */
async function freshStructureSignedIn(page: Page, who: 'GESTIONNAIRE' | 'UTILISATEUR' = 'GESTIONNAIRE') {
  const structure = await createStructure(db, { raisonSociale: `CFA employeurs ${Date.now()}`, email: 'contact@cfa-e2e-employeurs.fr' });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('g-employeurs') });
  const utilisateur = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('u-employeurs') });
  await signIn(page, who === 'GESTIONNAIRE' ? gestionnaire.email : utilisateur.email);
  await expect(page).toHaveURL(/\/mon-espace$/);
  return { structure, gestionnaire, utilisateur };
}

test('ajout par SIRET → champs remplis → « Envoyer la demande » → en attente, e-mail aux admins, puis validé / refusé', async ({ page }) => {
  const { siret, nom } = await newEntrepriseInDirectory('ENTREPRISE PARTENAIRE');
  const { structure } = await freshStructureSignedIn(page);

  // an empty list that helps
  await page.goto(LIST);
  await expect(page.getByRole('heading', { level: 1, name: 'Suivi des employeurs' })).toBeVisible();
  await expect(page.getByRole('heading', { name: "Vous n'avez encore ajouté aucun employeur" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Ajouter un employeur' }).first().click();
  await expect(page).toHaveURL(new RegExp(`${ADD}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Ajouter un employeur' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Recherche par SIRET' })).toBeVisible();
  await expectNoAxeViolations(page);

  // « Recherche par SIRET » fills the form
  await box(page, 'Siret').fill(`${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByText('Établissement trouvé')).toBeVisible();
  await expect(box(page, 'Siret')).toHaveValue(siret);
  await expect(box(page, 'Raison sociale')).toHaveValue(nom);
  await expect(box(page, 'Code Naf')).toHaveValue('85.59A');
  await expect(page.getByLabel('Domaine', { exact: true })).toHaveValue('P');
  await expect(box(page, 'Code postal')).toHaveValue('33300');
  await expect(box(page, 'Ville')).toHaveValue(/bordeaux/i);
  await expectNoAxeViolations(page);

  await box(page, 'Email').fill('recrutement@entreprise-partenaire.fr');
  await box(page, 'Téléphone').fill('05 57 00 00 01');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();

  // back on the list, with the guide's sentence
  await expect(page).toHaveURL(/\/mes-offres\/employeurs\?demande=\d+$/);
  await expect(page.getByText(CONFIRMATION)).toBeVisible();
  await expect(page.locator('#demande-envoyee')).toBeFocused();
  const row = rowOf(page, nom);
  await expect(row).toContainText('En attente de validation');
  await expect(row).toContainText(siret);
  await expect(row).toContainText('Bordeaux (33300)');
  await expect(row).toContainText(/\d{2}-\d{2}-\d{4}/);
  const employeur = await db.employeur.findUniqueOrThrow({ where: { siret } });
  await expect(row).toContainText(String(employeur.numero).padStart(9, '0'));
  await expectNoAxeViolations(page);

  // the admin team is told
  const mail = await waitForEmail('admin@cmonalternance.test', nom);
  expect(mail.subject).toContain("Nouvelle demande d'ajout d'employeur");
  expect(mail.text).toContain(structure.raisonSociale);

  // the same SIRET again is refused, with its status (checked before the directory is asked)
  await page.goto(ADD);
  await box(page, 'Siret').fill(siret);
  await box(page, 'Raison sociale').fill('Encore elle');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.locator('#siret-error')).toHaveText('Cet employeur fait déjà partie de vos employeurs (statut : En attente de validation).');
  await expect(formError(page)).toBeVisible();
  await expect(box(page, 'Raison sociale')).toHaveValue('Encore elle');
  await expectNoAxeViolations(page);
  expect(await db.structureEmployeur.count({ where: { structureId: structure.id } })).toBe(1);

  // the admin's decision (its screen comes later: the row is changed directly here)
  const link = await db.structureEmployeur.findFirstOrThrow({ where: { structureId: structure.id, employeurId: employeur.id } });
  await db.structureEmployeur.update({ where: { id: link.id }, data: { status: 'VALIDE', decidedAt: new Date() } });
  await page.goto(LIST);
  await expect(rowOf(page, nom)).toContainText('Validé');
  await expect(page.getByTestId('employeurs-compteurs')).toHaveText('1 employeur : 1 validé, 0 en attente de validation, 0 refusé.');

  await db.structureEmployeur.update({ where: { id: link.id }, data: { status: 'REFUSE', motifRefus: "L'établissement n'accueille pas d'apprentis." } });
  await page.reload();
  await expect(rowOf(page, nom)).toContainText('Refusé');
  await expect(rowOf(page, nom)).toContainText("Motif : L'établissement n'accueille pas d'apprentis.");
  await expectNoAxeViolations(page);
});

test('la recherche filtre par raison sociale (sans accents), Siret et numéro ; pagination accessible', async ({ page }) => {
  const { structure } = await freshStructureSignedIn(page);
  const stamp = Date.now().toString().slice(-6);
  const elodie = await createEmployeur(db, { raisonSociale: `Pâtisserie Élodie ${stamp}`, ville: 'Pau', codePostal: '64000' });
  const garage = await createEmployeur(db, { raisonSociale: `Garage du Port ${stamp}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: elodie.id, status: 'VALIDE' });
  await linkEmployeur(db, { structureId: structure.id, employeurId: garage.id, status: 'EN_ATTENTE' });
  for (let i = 0; i < 20; i++) {
    const e = await createEmployeur(db, { raisonSociale: `Sous-traitant ${i} ${stamp}` });
    await linkEmployeur(db, { structureId: structure.id, employeurId: e.id, status: 'VALIDE' });
  }

  await page.goto(LIST);
  await expect(page.getByTestId('employeurs-compteurs')).toHaveText('22 employeurs : 21 validés, 1 en attente de validation, 0 refusé.');
  const pagination = page.getByRole('navigation', { name: 'Pages des employeurs' });
  await expect(pagination).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(21);
  await pagination.getByRole('link', { name: 'Page suivante' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole('row')).toHaveCount(3);
  await expect(pagination.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await expectNoAxeViolations(page);

  const search = page.getByRole('searchbox', { name: 'Rechercher un employeur' });
  await expect(search).toHaveAttribute('placeholder', 'Raison sociale, numéro, ...');
  await search.fill(`patisserie elodie ${stamp}`);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(/\?q=patisserie/);
  await expect(page.getByText(`1 employeur trouvé pour « patisserie elodie ${stamp} ».`)).toBeVisible();
  await expect(rowOf(page, elodie.raisonSociale)).toContainText('Pau (64000)');
  await expect(page.getByRole('row')).toHaveCount(2);

  await search.fill(garage.siret);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(rowOf(page, garage.raisonSociale)).toBeVisible();

  await page.goto(`${LIST}?q=${String(elodie.numero).padStart(9, '0')}`);
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(rowOf(page, elodie.raisonSociale)).toBeVisible();

  await page.goto(`${LIST}?q=introuvable-${stamp}`);
  await expect(page.getByText(`Aucun employeur ne correspond à « introuvable-${stamp} ».`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Voir tous vos employeurs' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('Siret invalide : message et aucune requête ; établissement fermé refusé', async ({ page }) => {
  const { structure } = await freshStructureSignedIn(page);
  await page.goto(ADD);

  await box(page, 'Siret').fill('91357924900017');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.locator('#siret-error')).toHaveText("Ce numéro de SIRET n'est pas valide : vérifiez les chiffres saisis.");
  await expect(box(page, 'Siret')).toBeFocused();
  // other specs use the fake at the same time: check that this number was never asked
  expect(await fakeDirectoryRequests()).not.toContain('91357924900017');

  // submitting checks the same rules in the browser: nothing is sent
  await box(page, 'Raison sociale').fill('Entreprise au Siret faux');
  await box(page, 'Email').fill('pas-un-email');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.locator('#siret-error')).toHaveText("Ce numéro de SIRET n'est pas valide : vérifiez les chiffres saisis.");
  await expect(page.locator('#email-error')).toHaveText('Saisissez une adresse e-mail valide, par exemple contact@entreprise.fr.');
  await expect(box(page, 'Siret')).toBeFocused();
  await expectNoAxeViolations(page);
  expect(await fakeDirectoryRequests()).not.toContain('91357924900017');
  expect(await db.structureEmployeur.count({ where: { structureId: structure.id } })).toBe(0);

  await box(page, 'Siret').fill(CLOSED_SIRET);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.locator('#siret-error')).toContainText('Cet établissement est fermé');
  // and refused on save too, even if the lookup is skipped
  await box(page, 'Email').fill('');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.locator('#siret-error')).toContainText('Cet établissement est fermé');
  expect(await db.structureEmployeur.count({ where: { structureId: structure.id } })).toBe(0);
});

test('annuaire injoignable : saisie à la main ; un UTILISATEUR ajoute aussi ; une autre structure ne voit rien', async ({ page, browser }) => {
  const siret = randomSiret();
  await fakeDirectoryMode('down', siret);
  await freshStructureSignedIn(page, 'UTILISATEUR');
  await page.goto(ADD);
  const nom = `Boulangerie Saisie Main ${siret.slice(-5)}`;
  await box(page, 'Siret').fill(siret);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByText('Le service de recherche des entreprises ne répond pas.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.locator('#raisonSociale-error')).toHaveText('Saisissez la raison sociale.');
  await expect(box(page, 'Raison sociale')).toBeFocused();
  await expect(box(page, 'Siret')).toHaveValue(siret);

  await box(page, 'Raison sociale').fill(nom);
  await box(page, 'Adresse').fill('4 place du Marché');
  await box(page, 'Code postal').fill('64000');
  await box(page, 'Ville').fill('PAU');
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page).toHaveURL(/\/mes-offres\/employeurs\?demande=\d+$/);
  await expect(page.getByText(CONFIRMATION)).toBeVisible();
  await expect(rowOf(page, nom)).toContainText('En attente de validation');
  await expect(rowOf(page, nom)).toContainText('Pau (64000)');
  const link = await db.structureEmployeur.findFirstOrThrow({ where: { employeur: { siret } } });
  expect(link.alertes).toContain("L'annuaire des entreprises n'a pas pu être consulté lors de la demande : les informations saisies n'ont pas été vérifiées.");

  // the gestionnaire of another structure sees none of it
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const otherStructure = await createStructure(db, { raisonSociale: `Autre structure ${Date.now()}` });
  const otherGestionnaire = await createActeur(db, otherStructure.id, 'GESTIONNAIRE', { email: uniqueEmail('g-autre') });
  await signIn(otherPage, otherGestionnaire.email);
  await expect(otherPage).toHaveURL(/\/mon-espace$/);
  await otherPage.goto(`${LIST}?q=${siret}`);
  await expect(otherPage.getByRole('heading', { name: "Vous n'avez encore ajouté aucun employeur" })).toBeVisible();
  await expect(otherPage.getByText(nom)).toHaveCount(0);
  // nor the confirmation of a request of another structure
  await otherPage.goto(`${LIST}?demande=${(await db.employeur.findUniqueOrThrow({ where: { siret } })).numero}`);
  await expect(otherPage.getByText(nom)).toHaveCount(0);
  await other.close();
});

test('appel direct de l’action par un candidat ou un acteur sans structure : refusé, rien n’est créé', async ({ page, browser }) => {
  const siret = randomSiret();
  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('candidat-employeur') });
  await signIn(page, candidat.email);
  await expect(page).toHaveURL(/\/candidat$/);
  const byCandidat = await callServerAction(page, 'lib/actions/employeurs.ts', 'requestEmployeurAction', [{ siret, raisonSociale: 'Intrus' }], ADD);
  expect(byCandidat.body).not.toContain('"ok":true');

  const context = await browser.newContext();
  const sansStructure = await context.newPage();
  const acteur = await createUser(db, { role: 'ACTEUR', email: uniqueEmail('acteur-sans-structure') });
  await signIn(sansStructure, acteur.email);
  await expect(sansStructure).toHaveURL(/\/mon-compte\/structure$/);
  const byActeur = await callServerAction(sansStructure, 'lib/actions/employeurs.ts', 'requestEmployeurAction', [{ siret, raisonSociale: 'Intrus' }], ADD);
  expect(byActeur.redirect).toMatch(/\/mon-compte\/structure/);
  await context.close();

  expect(await db.employeur.count({ where: { siret } })).toBe(0);
});
