import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '@/lib/prisma-client';
import { DEMO_PASSWORD, createActeur, createCandidature, createProjet, createStructure, createUser } from '@/tests/factories';
import { box, callServerAction, expect, expectNoAxeViolations, signIn, test, uniqueEmail, waitForEmail } from './fixtures';

/**
 * « Mes données »: the summary, « Télécharger mes données » (JSON, CV included) and « Supprimer
 * mon compte » (password + SUPPRIMER, a confirmation dialog, then signed out on « / », the
 * applications anonymised, the CV file removed, an e-mail); refused to anyone but the candidate.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const PAGE = '/candidat/donnees';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const WRONG_PASSWORD = 'Mauvais-mot2passe!';
const WRONG_PASSWORD_MESSAGE = 'Mot de passe incorrect : votre compte n’a pas été supprimé.';
/** The app's UPLOADS_DIR default, relative to its working directory (the project's, as here). */
const UPLOADS_DIR = path.resolve(process.cwd(), '.data/uploads');
const fileOf = (storageKey: string) => path.join(UPLOADS_DIR, ...storageKey.split('/'));

/** A seeded public offer « En cours » of the CFA du Bâtiment de la Gironde. */
async function seededOffre() {
  return db.offre.findFirstOrThrow({
    where: { status: 'EN_COURS', structure: { raisonSociale: 'CFA du Bâtiment de la Gironde' } },
    orderBy: { numero: 'asc' },
  });
}

test('un candidat télécharge ses données puis supprime son compte : candidatures anonymisées, CV effacé, déconnecté', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('donnees');
  const candidat = await createUser(db, { role: 'CANDIDAT', email, prenom: 'Dora', nom: 'Données', telephone: '0556111111' });
  const projet = await createProjet(db, {
    candidatId: candidat.id,
    formations: [{ intitule: 'Bac pro Aménagement et finition du bâtiment', statut: 'VALIDE', annee: 2025 }],
    experiences: [{ type: 'STAGE', intitule: 'Stage de carrelage', entreprise: 'Carrelages Dupuis', dureeSemaines: 4, missions: 'Pose de faïence' }],
  });

  await signIn(page, email);
  await expect(page).toHaveURL(/\/candidat$/);

  // the CV, uploaded through the real route (multipart)
  const upload = await page.request.post('/api/cv', {
    multipart: { fichier: { name: 'CV Dora Données.pdf', mimeType: 'application/pdf', buffer: PDF } },
  });
  expect(upload.status()).toBe(200);
  expect(await upload.json()).toMatchObject({ ok: true, cv: { filename: 'CV Dora Données.pdf', size: PDF.length } });
  const doc = await db.document.findFirstOrThrow({ where: { ownerId: candidat.id } });
  expect(readFileSync(fileOf(doc.storageKey))).toEqual(PDF);

  // an application to a seeded offer, with that CV and the full project snapshot; a notification
  const offre = await seededOffre();
  const created = await createCandidature(db, { offreId: offre.id, candidatId: candidat.id, projetId: projet.id, message: 'Je suis très motivée. Dora, 06 12 34 56 78' });
  await db.candidature.update({
    where: { id: created.id },
    data: {
      documentId: doc.id,
      cvNom: doc.filename,
      cvTaille: doc.size,
      projetSnapshot: {
        ...(created.projetSnapshot as Record<string, unknown>),
        formations: [{ intitule: 'Bac pro Aménagement et finition du bâtiment', statut: 'VALIDE', annee: 2025 }],
        experiences: [{ type: 'STAGE', intitule: 'Stage de carrelage', entreprise: 'Carrelages Dupuis' }],
      },
    },
  });
  await db.notification.create({
    data: { userId: candidat.id, type: 'REPONSE_CANDIDATURE', titre: 'Vous avez reçu une réponse', lien: '/candidat/candidatures' },
  });

  // the summary
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { level: 1, name: 'Mes données' })).toBeVisible();
  const resume = page.getByTestId('resume-donnees');
  await expect(resume).toContainText(`PROFIL ${String(candidat.numero).padStart(10, '0')} : Dora Données, ${email}`);
  await expect(resume).toContainText('1 projet');
  await expect(resume).toContainText('« CV Dora Données.pdf »');
  await expect(resume).toContainText('1 candidature');
  await expect(resume).toContainText('1 notification');
  await expectNoAxeViolations(page);

  // « Télécharger mes données »: one JSON file with everything, the CV included
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger mes données' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^cmonalternance-mes-donnees-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(exported.compte).toMatchObject({ numero: candidat.numero, email, prenom: 'Dora', nom: 'Données', telephone: '0556111111' });
  expect(exported.projets).toHaveLength(1);
  expect(exported.projets[0]).toMatchObject({ numero: projet.numero, metier: projet.metier });
  expect(exported.projets[0].formations[0].intitule).toBe('Bac pro Aménagement et finition du bâtiment');
  expect(exported.candidatures).toHaveLength(1);
  expect(exported.candidatures[0]).toMatchObject({ numero: created.numero, message: 'Je suis très motivée. Dora, 06 12 34 56 78', cvNom: 'CV Dora Données.pdf' });
  expect(exported.candidatures[0].offreSnapshot.numero).toBe(offre.numero);
  expect(exported.documents).toHaveLength(1);
  expect(Buffer.from(exported.documents[0].contenuBase64, 'base64')).toEqual(PDF);
  expect(exported.notifications[0].titre).toBe('Vous avez reçu une réponse');
  expect(JSON.stringify(exported)).not.toContain(doc.storageKey);

  // « Supprimer mon compte »: the fields are checked before any confirmation
  const deleteButton = page.getByRole('button', { name: 'Supprimer mon compte', exact: true });
  const dialog = page.getByRole('dialog', { name: 'Supprimer définitivement votre compte ?' });
  await box(page, 'Mot de passe').fill(WRONG_PASSWORD);
  await box(page, 'Saisissez SUPPRIMER pour confirmer').fill('supprime');
  await deleteButton.click();
  await expect(page.locator('#suppression-confirmation-error')).toHaveText('Saisissez SUPPRIMER pour confirmer.');
  await expect(box(page, 'Saisissez SUPPRIMER pour confirmer')).toBeFocused();
  await expect(dialog).toBeHidden();

  // a wrong password: a French error on the field, the account kept
  await box(page, 'Saisissez SUPPRIMER pour confirmer').fill('SUPPRIMER');
  await deleteButton.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await expect(dialog).toContainText('Cette action est irréversible.');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Oui, supprimer mon compte' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('#suppression-mot-de-passe-error')).toHaveText(WRONG_PASSWORD_MESSAGE);
  await expect(box(page, 'Mot de passe')).toBeFocused();
  await expect(box(page, 'Mot de passe')).toHaveAttribute('aria-invalid', 'true');
  await expect(box(page, 'Saisissez SUPPRIMER pour confirmer')).toHaveValue('SUPPRIMER');
  expect(await db.user.findUnique({ where: { id: candidat.id } })).not.toBeNull();
  expect(await db.document.count({ where: { ownerId: candidat.id } })).toBe(1);
  expect(existsSync(fileOf(doc.storageKey))).toBe(true);
  await expectNoAxeViolations(page);

  // « Annuler » in the dialog changes nothing either
  await box(page, 'Mot de passe').fill(DEMO_PASSWORD);
  await deleteButton.click();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  expect(await db.user.findUnique({ where: { id: candidat.id } })).not.toBeNull();

  // the right password, confirmed: signed out on « / » with the banner
  const oldCookies = await page.context().cookies();
  expect(oldCookies.some((c) => c.name.includes('authjs.session-token'))).toBe(true);
  await deleteButton.click();
  await dialog.getByRole('button', { name: 'Oui, supprimer mon compte' }).click();
  await expect(page).toHaveURL(/\/\?compte=supprime$/);
  await expect(page.locator('#compte-supprime')).toHaveText('Votre compte a bien été supprimé. Un e-mail de confirmation vous a été envoyé.');
  await expect(page.getByRole('link', { name: 'Se connecter' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // the session cookie taken before the deletion opens nothing any more
  const other = await browser.newContext();
  try {
    await other.addCookies(oldCookies);
    const replay = await other.newPage();
    await replay.goto('/candidat');
    await expect(replay).toHaveURL(/\/connexion/);
    expect((await replay.request.get('/api/candidat/export')).status()).toBe(401);
    expect((await replay.request.get('/api/cv')).status()).toBe(401);
  } finally {
    await other.close();
  }

  // the database: the account, projects and CV gone; the application kept, anonymised
  expect(await db.user.findUnique({ where: { id: candidat.id } })).toBeNull();
  expect(await db.projet.count({ where: { id: projet.id } })).toBe(0);
  expect(await db.document.count({ where: { id: doc.id } })).toBe(0);
  expect(await db.notification.count({ where: { userId: candidat.id } })).toBe(0);
  expect(existsSync(fileOf(doc.storageKey))).toBe(false);
  const anonymised = await db.candidature.findUniqueOrThrow({ where: { id: created.id } });
  expect(anonymised).toMatchObject({ candidatId: null, projetId: null, documentId: null, message: null, cvNom: null, cvTaille: null, offreId: offre.id });
  expect(anonymised.anonymizedAt).not.toBeNull();
  const snapshot = anonymised.projetSnapshot as Record<string, unknown>;
  expect(snapshot).not.toHaveProperty('formations');
  expect(snapshot).not.toHaveProperty('experiences');
  expect(snapshot.metier).toBe(projet.metier);
  expect(JSON.stringify(anonymised)).not.toMatch(/Dora|Données|Dupuis|06 12 34 56 78/);

  // the confirmation e-mail
  const mail = await waitForEmail(email, 'Votre compte CMonAlternance a été supprimé');
  expect(mail.text).toContain('Dora');
});

test('un acteur ne voit pas « Mes données » (403) et ne télécharge rien (404)', async ({ page, loginAs }) => {
  await loginAs('gestionnaire');
  const response = await page.goto(PAGE);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
  const exported = await page.request.get('/api/candidat/export');
  expect(exported.status()).toBe(404);
  expect(await exported.text()).not.toContain('"compte"');
});

test('sans connexion : « Mes données » renvoie vers « Se connecter », l’export répond 401', async ({ page }) => {
  await page.goto(PAGE);
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=%2Fcandidat%2Fdonnees$/);
  const exported = await page.request.get('/api/candidat/export');
  expect(exported.status()).toBe(401);
  expect(await exported.json()).toEqual({ ok: false, message: 'Connectez-vous pour télécharger vos données.' });
});

test('l’action de suppression appelée directement par un acteur, ou sans confirmation, ne change rien', async ({ page }) => {
  const structure = await createStructure(db, { raisonSociale: `Structure données ${Date.now()}` });
  const acteur = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('acteur-donnees') });
  await signIn(page, acteur.email);
  await expect(page).toHaveURL(/\/mon-espace$/);
  const forged = await callServerAction(page, 'lib/actions/candidat.ts', 'deleteAccountAction', [{ password: DEMO_PASSWORD, confirmation: 'SUPPRIMER' }], PAGE);
  expect(forged.status).not.toBe(200);
  expect(forged.body).not.toContain('"ok":true');
  expect(await db.user.findUnique({ where: { id: acteur.id } })).not.toBeNull();
  expect(await db.membership.count({ where: { userId: acteur.id } })).toBe(1);
  expect(await db.auditLog.count({ where: { action: 'candidat.suppression_compte', entityId: acteur.id } })).toBe(0);

  // a candidate's own forged call without « SUPPRIMER »: refused by the schema, nothing deleted
  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('forge-donnees') });
  await page.context().clearCookies();
  await signIn(page, candidat.email);
  await expect(page).toHaveURL(/\/candidat$/);
  const unconfirmed = await callServerAction(page, 'lib/actions/candidat.ts', 'deleteAccountAction', [{ password: DEMO_PASSWORD, confirmation: 'oui' }], PAGE);
  expect(unconfirmed.body).toContain('"ok":false');
  expect(unconfirmed.body).toContain('Saisissez SUPPRIMER pour confirmer.');
  expect(await db.user.findUnique({ where: { id: candidat.id } })).not.toBeNull();
});

test('la Politique RGPD dit ce qui est conservé, combien de temps, pourquoi, et où sont les CV', async ({ page }) => {
  await page.goto('/politique-rgpd');
  const section = page.getByRole('heading', { level: 2, name: 'Vos données de candidat : ce que nous conservons, combien de temps et pourquoi' });
  await expect(section).toBeVisible();
  const table = page.getByRole('table', { name: "Données d'un candidat, durées de conservation et bases légales" });
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader', { name: /^CV$/ })).toBeVisible();
  // the periods of lib/retention-config.ts, enforced by the rgpd-retention job
  await expect(table).toContainText("Jusqu'à 2 ans après la réponse de la structure");
  await expect(table).toContainText('au plus 1 an après votre dernière candidature');
  await expect(table).toContainText('Après 2 ans sans connexion ni activité');
  await expect(table).toContainText('90 jours');
  await expect(page.getByRole('heading', { level: 3, name: 'Où est conservé votre CV' })).toBeVisible();
  await expect(page.getByText('Chaque téléchargement de votre CV par une structure est enregistré')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mes données' }).first()).toHaveAttribute('href', '/candidat/donnees');
  await expectNoAxeViolations(page);
});
