import type { Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import {
  CARRELEUR,
  DEMO_PASSWORD,
  createCandidature,
  createEmployeur,
  createOffre,
  createProjet,
  createStructure,
  createUser,
} from '@/tests/factories';
import { CANDIDATURES_PAR_JOUR, CANDIDATURE_MESSAGES, REPONSE_MESSAGES, STATUT_CANDIDAT_DETAILS } from '@/lib/validations/candidat';
import {
  FAKE_RESEND_URL,
  box,
  callServerAction,
  expect,
  expectNoAxeViolations,
  signIn,
  signOut,
  test,
  uniqueEmail,
  waitForEmail,
  type FakeEmail,
} from './fixtures';

/**
 * « Postuler » end to end: from a public offer, a visitor creates his candidate account and comes
 * back to the offer, applies with a project, a message and a CV; every refusal (twice, closed
 * offer, 20 a day) is said by the page and by the action called directly; the structure answers;
 * the candidate reads the answer in « Mes candidatures » and in his notifications. Nobody else
 * reads any of it.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const CFA = 'CFA du Bâtiment de la Gironde';
const ACTION_FILE = 'lib/actions/candidat.ts';
const pad = (n: number) => String(n).padStart(10, '0');

/** The seeded offers of the CFA: the carreleur « En cours » (référent: the demo gestionnaire) and the « Pourvue » one. */
async function seededOffres() {
  const carreleur = await db.offre.findFirstOrThrow({
    where: { structure: { raisonSociale: CFA }, status: 'EN_COURS', metier: CARRELEUR.metier, referent: { email: DEMO_ACCOUNTS.gestionnaire } },
    orderBy: { numero: 'asc' },
    select: { id: true, numero: true, metier: true },
  });
  const pourvue = await db.offre.findFirstOrThrow({ where: { structure: { raisonSociale: CFA }, status: 'POURVUE' }, orderBy: { numero: 'asc' }, select: { id: true, numero: true } });
  return { carreleur, pourvue };
}

/** A fresh candidate with one project (a training, an experience). */
async function newCandidat(prefix: string) {
  const user = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail(prefix), prenom: 'Nina', nom: 'Postule' });
  const projet = await createProjet(db, {
    candidatId: user.id,
    metier: CARRELEUR,
    formations: [{ intitule: 'CAP carreleur mosaïste (1re année)', statut: 'EN_COURS', annee: 2026 }],
    experiences: [{ type: 'STAGE', intitule: 'Stage de pose de faïence', entreprise: 'Faïences du Port', dureeSemaines: 2, missions: 'Découpe, pose, joints' }],
  });
  return { user, projet };
}

async function uploadCv(page: Page, name = 'CV Nina.pdf') {
  const response = await page.request.post('/api/cv', { multipart: { fichier: { name, mimeType: 'application/pdf', buffer: PDF } } });
  expect(response.status(), await response.text()).toBe(200);
}

function postulerAction(page: Page, offreNumero: number, values: Record<string, unknown>) {
  return callServerAction(page, ACTION_FILE, 'postulerAction', [offreNumero, values], `/offres/${offreNumero}/postuler`);
}

/** Signs the candidate in and applies through the action (the form's own call); returns the application's number. */
async function applyAs(page: Page, c: Awaited<ReturnType<typeof newCandidat>>, offreNumero: number) {
  await signIn(page, c.user.email);
  await expect(page).toHaveURL(/\/candidat$/);
  await uploadCv(page);
  const result = await postulerAction(page, offreNumero, { projetNumero: String(c.projet.numero), message: 'Bonjour, je suis disponible dès septembre.', joindreCv: true });
  const match = /\/candidat\/candidatures\/(\d+)\?envoyee=1/.exec(result.redirect ?? '');
  expect(match, result.body).not.toBeNull();
  return Number(match![1]);
}

/** The e-mail about this application (the demo gestionnaire receives one per application). */
async function waitForEmailAbout(to: string, subject: string, mention: string, timeoutMs = 15_000): Promise<FakeEmail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const emails = (await (await fetch(`${FAKE_RESEND_URL}/__fake/emails`)).json()) as FakeEmail[];
    const found = emails.find((e) => e.to.includes(to) && e.subject.includes(subject) && e.text.includes(mention));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Aucun e-mail « ${subject} » mentionnant ${mention} reçu pour ${to}`);
}

test('un visiteur crée son compte depuis l’offre, revient sur « Postuler » et envoie sa candidature', async ({ page }) => {
  const { carreleur } = await seededOffres();
  const postulerPath = `/offres/${carreleur.numero}/postuler`;

  // the offer page: « Postuler » → se connecter; « Créer mon compte candidat » keeps the way back too
  await page.goto(`/offres/${carreleur.numero}`);
  await expect(page.getByRole('link', { name: 'Créer mon compte candidat' })).toHaveAttribute(
    'href',
    `/inscription?profil=candidat&callbackUrl=${encodeURIComponent(postulerPath)}`,
  );
  await page.getByRole('link', { name: 'Postuler', exact: true }).click();
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=/);
  await page.getByRole('link', { name: /Créer un compte candidat ou acteur/ }).click();
  await expect(page).toHaveURL(`/inscription?callbackUrl=${encodeURIComponent(postulerPath)}`);
  await expect(page.getByText("vous reviendrez ensuite à l'offre pour postuler", { exact: false })).toBeVisible();
  await expect(page.getByLabel('Je suis candidat')).toBeChecked();

  const email = uniqueEmail('postuler');
  await box(page, 'Prénom').fill('Nina');
  await box(page, 'Nom').fill('Postule');
  await box(page, 'E-mail').fill(email);
  await box(page, 'Mot de passe').fill(DEMO_PASSWORD);
  await box(page, 'Confirmation du mot de passe').fill(DEMO_PASSWORD);
  await page.getByLabel(/J'ai lu et j'accepte/).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();

  // back on « Postuler »: without a project, the page says what to do first
  await expect(page).toHaveURL(postulerPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Postuler' })).toBeVisible();
  await expect(page.getByText("Créez d'abord votre projet")).toBeVisible();
  await expect(page.getByRole('link', { name: 'Créer mon projet' })).toHaveAttribute('href', '/candidat/projets/nouveau');
  await expect(page.getByRole('button', { name: 'Envoyer ma candidature' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // the project comes from « Mes projets » (built separately): created here directly
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const projet = await createProjet(db, {
    candidatId: user.id,
    metier: CARRELEUR,
    visible: false,
    formations: [{ intitule: 'Bac pro aménagement et finition du bâtiment', statut: 'VALIDE', annee: 2025 }],
    experiences: [{ type: 'JOB_ETUDIANT', intitule: 'Aide-carreleur', entreprise: 'Carrelages du Lac', dureeSemaines: 4, dureeJours: 2, missions: 'Préparation des chantiers' }],
  });
  await page.reload();

  // the recap of the offer
  const recap = page.getByRole('region', { name: "L'offre à laquelle vous postulez" });
  await expect(recap).toContainText(CARRELEUR.metier);
  await expect(recap).toContainText(`OFFRE ${pad(carreleur.numero)}`);
  await expect(recap).toContainText("Date prévue d'embauche");
  await expect(recap).toContainText("Contrat d'apprentissage");
  await expect(recap).toContainText('CAP carreleur mosaïste');

  const form = page.getByRole('form', { name: 'Postuler à cette offre' });
  const radio = form.getByRole('radio', { name: new RegExp(`PROJET ${String(projet.numero).padStart(9, '0')}`) });
  await expect(radio).toBeChecked(); // the only project is chosen already
  await expect(form.getByText("Ce projet n'est pas visible par les acteurs de la formation et de l'insertion", { exact: false })).toBeVisible();
  await expect(form.getByText('ne voit ni votre adresse e-mail ni votre numéro de téléphone', { exact: false })).toBeVisible();

  // no CV yet: « Joindre mon CV » is off; sending one right here turns it on
  const joindre = form.getByRole('checkbox', { name: 'Joindre mon CV' });
  await expect(joindre).not.toBeChecked();
  await form.getByLabel('Choisir un fichier PDF (5 Mo au plus)').setInputFiles({ name: 'CV Nina Postule.pdf', mimeType: 'application/pdf', buffer: PDF });
  await form.getByRole('button', { name: 'Envoyer mon CV' }).click();
  await expect(form.getByText('Votre CV a bien été enregistré.')).toBeVisible();
  await expect(joindre).toBeChecked();
  await expect(form.getByText('Le CV « CV Nina Postule.pdf »', { exact: false })).toBeVisible();

  const message = 'Bonjour,\nje prépare un CAP carreleur mosaïste et je suis disponible dès septembre.';
  await form.getByRole('textbox', { name: 'Votre message (facultatif)' }).fill(message);
  await expectNoAxeViolations(page);
  await form.getByRole('button', { name: 'Envoyer ma candidature' }).click();

  // the application, as sent
  await expect(page).toHaveURL(/\/candidat\/candidatures\/\d+\?envoyee=1$/);
  const numero = Number(/candidatures\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByRole('heading', { level: 1, name: `Candidature N°${pad(numero)}` })).toBeVisible();
  await expect(page.getByText(CANDIDATURE_MESSAGES.envoyee)).toBeVisible();
  await expect(page.getByTestId('statut-candidature')).toHaveText('Envoyée');
  await expect(page.getByText(STATUT_CANDIDAT_DETAILS.A_TRAITER)).toBeVisible();
  await expect(page.getByTestId('message-candidature')).toHaveText(message);
  await expect(page.getByRole('region', { name: 'Votre projet' })).toContainText('Aide-carreleur');
  await expect(page.getByRole('region', { name: 'Votre projet' })).toContainText('Bac pro aménagement et finition du bâtiment');
  await expect(page.getByRole('region', { name: 'CV joint' })).toContainText('CV Nina Postule.pdf');
  await expect(page.getByRole('link', { name: 'Télécharger le CV joint à cette candidature' })).toHaveAttribute('href', `/api/candidatures/${numero}/cv`);
  await expectNoAxeViolations(page);

  // what the structure will read
  const row = await db.candidature.findUniqueOrThrow({ where: { numero } });
  expect(row).toMatchObject({ status: 'A_TRAITER', candidatId: user.id, projetId: projet.id, message, cvNom: 'CV Nina Postule.pdf', cvTaille: PDF.length });
  expect(row.documentId).not.toBeNull();
  expect(row.offreSnapshot).toMatchObject({ numero: carreleur.numero, metier: CARRELEUR.metier, structure: CFA });
  expect(row.projetSnapshot).toMatchObject({ numero: projet.numero, metier: CARRELEUR.metier, experiences: [{ intitule: 'Aide-carreleur' }] });

  // the référent is told: an e-mail and a notification
  await waitForEmailAbout(DEMO_ACCOUNTS.gestionnaire, `Nouvelle candidature à votre offre ${CARRELEUR.metier}`, pad(numero));
  const referent = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.gestionnaire }, select: { id: true } });
  expect(await db.notification.count({ where: { userId: referent.id, type: 'NOUVELLE_CANDIDATURE', lien: `/mon-espace/candidatures/${numero}` } })).toBe(1);
});

test('le formulaire dit ses erreurs en français, à côté des champs, et garde la saisie', async ({ page }) => {
  const { carreleur } = await seededOffres();
  const c = await newCandidat('erreurs');
  await createProjet(db, { candidatId: c.user.id, metier: { appellationCode: '13822', romeCode: 'F1619', metier: 'Couvreur / Couvreuse' } });
  await signIn(page, c.user.email);
  await expect(page).toHaveURL(/\/candidat$/);
  await page.goto(`/offres/${carreleur.numero}/postuler`);
  const form = page.getByRole('form', { name: 'Postuler à cette offre' });
  await expect(form.getByRole('radio')).toHaveCount(2);
  for (const radio of await form.getByRole('radio').all()) await expect(radio).not.toBeChecked();

  const message = form.getByRole('textbox', { name: 'Votre message (facultatif)' });
  await message.fill('x'.repeat(2001));
  await form.getByRole('checkbox', { name: 'Joindre mon CV' }).check();
  await form.getByRole('button', { name: 'Envoyer ma candidature' }).click();
  await expect(page.locator('#projetNumero-error')).toHaveText(CANDIDATURE_MESSAGES.projet);
  await expect(page.locator('#message-error')).toHaveText(CANDIDATURE_MESSAGES.message);
  await expect(form.getByRole('radio').first()).toBeFocused();
  await expectNoAxeViolations(page);

  // the project chosen and the message shortened: the CV is still missing
  await form.getByRole('radio', { name: /COUVREUR/i }).check();
  await message.fill('Bonjour');
  await form.getByRole('button', { name: 'Envoyer ma candidature' }).click();
  await expect(page.locator('#joindreCv-error')).toHaveText(CANDIDATURE_MESSAGES.cvManquant);
  await expect(form.getByRole('checkbox', { name: 'Joindre mon CV' })).toBeFocused();
  await expect(message).toHaveValue('Bonjour');

  // the server says the same to a forged call
  const forged = await postulerAction(page, carreleur.numero, { projetNumero: c.projet.numero, joindreCv: true });
  expect(forged.body).toContain(CANDIDATURE_MESSAGES.cvManquant);
  expect(await db.candidature.count({ where: { candidatId: c.user.id } })).toBe(0);
});

test('postuler deux fois à la même offre est refusé, par la page et par l’action', async ({ page }) => {
  const { carreleur } = await seededOffres();
  const c = await newCandidat('deux-fois');
  const existing = await createCandidature(db, { offreId: carreleur.id, candidatId: c.user.id, projetId: c.projet.id });
  await signIn(page, c.user.email);
  await expect(page).toHaveURL(/\/candidat$/);

  await page.goto(`/offres/${carreleur.numero}/postuler`);
  await expect(page.getByText('Vous avez déjà postulé à cette offre', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: `Voir ma candidature N°${pad(existing.numero)}` })).toHaveAttribute('href', `/candidat/candidatures/${existing.numero}`);
  await expect(page.getByRole('button', { name: 'Envoyer ma candidature' })).toHaveCount(0);

  const forged = await postulerAction(page, carreleur.numero, { projetNumero: c.projet.numero, joindreCv: false });
  expect(forged.body).toContain(CANDIDATURE_MESSAGES.dejaPostule);
  expect(forged.redirect).toBeNull();
  expect(await db.candidature.count({ where: { candidatId: c.user.id } })).toBe(1);
});

test('une offre pourvue refuse les candidatures, par la page et par l’action', async ({ page }) => {
  const { pourvue } = await seededOffres();
  const c = await newCandidat('pourvue');
  await signIn(page, c.user.email);
  await expect(page).toHaveURL(/\/candidat$/);

  const response = await page.goto(`/offres/${pourvue.numero}/postuler`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText(CANDIDATURE_MESSAGES.offreFermee)).toBeVisible();
  await expect(page.getByRole('form', { name: 'Postuler à cette offre' })).toHaveCount(0);

  const forged = await postulerAction(page, pourvue.numero, { projetNumero: c.projet.numero, joindreCv: false });
  expect(forged.body).toContain(CANDIDATURE_MESSAGES.offreFermee);
  expect(await db.candidature.count({ where: { candidatId: c.user.id } })).toBe(0);

  // an unknown offer: 404
  expect((await page.goto('/offres/1999999999/postuler'))?.status()).toBe(404);
});

test(`au-delà de ${CANDIDATURES_PAR_JOUR} candidatures en 24 heures, la page et l’action refusent`, async ({ page }) => {
  const { carreleur } = await seededOffres();
  const c = await newCandidat('limite');
  // 20 applications of the day, to offers of a structure of their own (its employer is not validated: nothing public)
  const structure = await createStructure(db, { raisonSociale: `CFA limite ${Date.now()}` });
  const employeur = await createEmployeur(db, { raisonSociale: 'Employeur limite' });
  for (let i = 0; i < CANDIDATURES_PAR_JOUR; i++) {
    const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id });
    await createCandidature(db, { offreId: offre.id, candidatId: c.user.id, projetId: c.projet.id });
  }
  await signIn(page, c.user.email);
  await expect(page).toHaveURL(/\/candidat$/);

  await page.goto(`/offres/${carreleur.numero}/postuler`);
  await expect(page.getByText(CANDIDATURE_MESSAGES.limite)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Envoyer ma candidature' })).toHaveCount(0);

  const forged = await postulerAction(page, carreleur.numero, { projetNumero: c.projet.numero, joindreCv: false });
  expect(forged.body).toContain(CANDIDATURE_MESSAGES.limite);
  expect(await db.candidature.count({ where: { candidatId: c.user.id } })).toBe(CANDIDATURES_PAR_JOUR);

  // « Mes candidatures » pages through them (10 a page)
  await page.goto('/candidat/candidatures');
  await expect(page.getByText(`${CANDIDATURES_PAR_JOUR} candidatures`, { exact: false })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Mes candidatures' }).getByRole('listitem')).toHaveCount(10);
  await page.getByRole('navigation', { name: 'Pages de mes candidatures' }).getByRole('link', { name: 'Page suivante' }).click();
  await expect(page).toHaveURL(/\/candidat\/candidatures\?page=2$/);
  await expect(page.getByRole('list', { name: 'Mes candidatures' }).getByRole('listitem')).toHaveCount(10);
});

test('la structure répond : « Entretien proposé », le message en entier, une notification et un e-mail', async ({ page, loginAs }) => {
  const { carreleur } = await seededOffres();
  const c = await newCandidat('reponse');
  const numero = await applyAs(page, c, carreleur.numero);
  await signOut(page);

  // the offer's référent answers once, through the action of « Répondre à cette candidature »
  // (called as the page's form calls it); a second answer and another structure are refused
  const message = 'Bonjour Nina,\nnous vous proposons un entretien jeudi à 14 h au CFA.\nContact : recrutement@cfa-batiment-gironde.test — 05 56 00 00 00';
  const repondre = (type: 'ENTRETIEN' | 'REFUS', text: string) =>
    callServerAction(page, 'lib/actions/candidatures.ts', 'repondreCandidatureAction', [numero, { type, message: text }], `/mon-espace/candidatures/${numero}`);
  await loginAs('gestionnaire');
  const first = await repondre('ENTRETIEN', message);
  expect(first.body).toContain('"ok":true');
  const second = await repondre('REFUS', 'Finalement non.');
  expect(second.body).toContain('"ok":false');
  expect(second.body).toContain(REPONSE_MESSAGES.dejaRepondu);
  await signOut(page);
  await loginAs('gestionnairePau');
  const intrus = await repondre('REFUS', 'Intrusion.');
  expect(intrus.body).toContain('"ok":false');
  expect(intrus.body).toContain(CANDIDATURE_MESSAGES.introuvable);
  await signOut(page);
  expect(await db.candidature.findUniqueOrThrow({ where: { numero } })).toMatchObject({ status: 'ACCEPTEE', reponseType: 'ENTRETIEN', reponseMessage: message });
  await waitForEmail(c.user.email, `Votre candidature ${CARRELEUR.metier} : entretien proposé`);

  // the candidate: one unread notification in the header
  await signIn(page, c.user.email);
  await expect(page).toHaveURL(/\/candidat$/);
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Notifications : 1 non lue' })).toContainText('Notifications (1)');

  // « Mes candidatures »: the status in his words and the answer in full
  await page.getByRole('button', { name: 'Mon espace candidat' }).click();
  await page.getByRole('link', { name: 'Mes candidatures', exact: true }).click();
  await expect(page).toHaveURL(/\/candidat\/candidatures$/);
  const item = page.getByRole('article', { name: `Candidature N°${pad(numero)}` });
  await expect(item).toContainText(CARRELEUR.metier);
  await expect(item.getByRole('link', { name: `OFFRE ${pad(carreleur.numero)}` })).toHaveAttribute('href', `/offres/${carreleur.numero}`);
  await expect(item).toContainText('Carrelages Aquitains');
  await expect(item).toContainText(/Candidaté le \d{2}-\d{2}-\d{4}/);
  await expect(item.getByTestId('statut-candidature')).toHaveText('Entretien proposé');
  await expect(item.getByTestId('reponse-structure')).toHaveText(message);
  expect(await item.getByTestId('reponse-structure').innerText()).toBe(message);
  await expectNoAxeViolations(page);

  await item.getByRole('link', { name: `Voir ma candidature N°${pad(numero)}` }).click();
  await expect(page).toHaveURL(`/candidat/candidatures/${numero}`);
  await expect(page.getByText(CANDIDATURE_MESSAGES.envoyee)).toHaveCount(0);
  await expect(page.getByTestId('statut-candidature')).toHaveText('Entretien proposé');
  await expect(page.getByText(STATUT_CANDIDAT_DETAILS.ACCEPTEE)).toBeVisible();
  expect(await page.getByTestId('reponse-structure').innerText()).toBe(message);
  await expectNoAxeViolations(page);

  // the notification: listed as unread, opening it marks it read and leads to the application
  await page.getByRole('button', { name: 'Mon espace candidat' }).click();
  await page.getByRole('link', { name: 'Mes notifications' }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mes notifications' })).toBeVisible();
  const notifications = page.getByRole('list', { name: 'Mes notifications' });
  await expect(notifications.getByRole('listitem')).toHaveCount(1);
  await expect(notifications.getByText('Non lue', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tout marquer comme lu' })).toBeVisible();
  await expectNoAxeViolations(page);
  await notifications.getByRole('link', { name: `Entretien proposé : ${CARRELEUR.metier}` }).click();
  await expect(page).toHaveURL(`/candidat/candidatures/${numero}`);
  await expect(header.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  expect(await db.notification.count({ where: { userId: c.user.id, readAt: null } })).toBe(0);

  await page.goto('/notifications');
  await expect(page.getByText('Non lue', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Toutes vos notifications sont lues.')).toBeVisible();
});

test('« Tout marquer comme lu » et une liste vide', async ({ page }) => {
  const c = await newCandidat('notif');
  await signIn(page, c.user.email);
  await expect(page).toHaveURL(/\/candidat$/);
  await page.goto('/notifications');
  await expect(page.getByText("Vous n'avez aucune notification.")).toBeVisible();
  await expectNoAxeViolations(page);

  await db.notification.createMany({
    data: [1, 2].map((i) => ({ userId: c.user.id, type: 'SYSTEME' as const, titre: `Information ${i}`, lien: '/candidat' })),
  });
  await page.reload();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Notifications : 2 non lues' })).toContainText('Notifications (2)');
  await expect(page.getByText('Non lue', { exact: true })).toHaveCount(2);
  await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await expect(page.getByText('Toutes vos notifications sont marquées comme lues.')).toBeVisible();
  await expect(page.getByText('Non lue', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  expect(await db.notification.count({ where: { userId: c.user.id, readAt: null } })).toBe(0);
});

test('personne d’autre ne lit la candidature, son CV ni ses notifications ; la structure de l’offre télécharge le CV', async ({ page, loginAs }) => {
  const { carreleur } = await seededOffres();
  const c = await newCandidat('prive');
  const numero = await applyAs(page, c, carreleur.numero);
  const candidature = await db.candidature.findUniqueOrThrow({ where: { numero }, select: { id: true } });
  // the candidate downloads his own CV sent with it
  const own = await page.request.get(`/api/candidatures/${numero}/cv`);
  expect(own.status()).toBe(200);
  expect(own.headers()['content-disposition']).toContain('attachment');
  await signOut(page);

  // signed out: /notifications asks to sign in
  await page.goto('/notifications');
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=(%2F|\/)notifications$/);

  // another candidate: 404 everywhere, even on someone else's notification
  const referent = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.gestionnaire }, select: { id: true } });
  const theirs = await db.notification.findFirstOrThrow({ where: { userId: referent.id, lien: `/mon-espace/candidatures/${numero}` }, select: { id: true, readAt: true } });
  const other = await newCandidat('autre');
  await signIn(page, other.user.email);
  await expect(page).toHaveURL(/\/candidat$/);
  expect((await page.goto(`/candidat/candidatures/${numero}`))?.status()).toBe(404);
  expect((await page.request.get(`/api/candidatures/${numero}/cv`)).status()).toBe(404);
  expect((await page.request.get(`/notifications/${theirs.id}`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toEqual(theirs.readAt);
  expect((await page.goto('/candidat/candidatures/abc'))?.status()).toBe(404);
  await page.goto('/candidat/candidatures');
  await expect(page.getByText("Vous n'avez encore envoyé aucune candidature.")).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rechercher une offre' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);

  // the staff of the offer's structure downloads the CV (logged); another structure's staff: 404
  await loginAs('gestionnaire');
  const download = await page.request.get(`/api/candidatures/${numero}/cv`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toContain('attachment');
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
  expect(await db.auditLog.count({ where: { action: 'cv.consultation', entityId: candidature.id, actorId: referent.id } })).toBe(1);
  await signOut(page);

  await loginAs('gestionnairePau');
  expect((await page.request.get(`/api/candidatures/${numero}/cv`)).status()).toBe(404);
  expect(await db.auditLog.count({ where: { action: 'cv.consultation', entityId: candidature.id } })).toBe(1);
});
