import type { Locator, Page } from '@playwright/test';
import { formatNumero } from '@/lib/format';
import { createPrismaClient } from '@/lib/prisma-client';
import { CV_MAX_BYTES, CV_MESSAGES, formatTaille } from '@/lib/uploads/cv';
import { PROJET_MESSAGES } from '@/lib/validations/candidat';
import {
  createActeur,
  createCandidature,
  createEmployeur,
  createOffre,
  createProjet,
  createStructure,
  createUser,
  linkEmployeur,
} from '@/tests/factories';
import { callServerAction, expect, expectNoAxeViolations, signIn, test, uniqueEmail } from './fixtures';

/**
 * « Mon espace candidat », « Mes projets » (create, modify, delete, consent) and « Mon CV », as a
 * fresh candidate; another candidate and an acteur are refused.
 */
const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const ACTIONS = 'lib/actions/candidat.ts';
const MOSAISTE = 'Carreleur / Carreleuse mosaïste';
const CAP = 'CAP - Carreleur Mosaïste';
const CONSENT = "Mon projet est visible par les acteurs de la formation et de l'insertion";

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

async function freshCandidat(page: Page, prenom = 'Léa') {
  const user = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('projets'), prenom, nom: 'Candidate' });
  await signIn(page, user.email);
  await expect(page).toHaveURL(/\/candidat$/);
  return user;
}

/** Types in a combobox and clicks the option whose text starts with `option`. */
async function choose(page: Page, combobox: Locator, text: string, option: string) {
  await combobox.fill('');
  await combobox.pressSequentially(text, { delay: 20 });
  const item = page.getByRole('option', { name: new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`) }).first();
  await expect(item).toBeVisible();
  await item.click();
  await expect(combobox).toHaveValue(option);
}

const carte = (page: Page, numero: number) => page.getByRole('article', { name: new RegExp(`PROJET ${formatNumero('projet', numero)}`) });
const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

test('créer un projet avec une formation et une expérience, le retrouver dans la liste, le modifier ; le consentement est à donner', async ({ page }) => {
  const user = await freshCandidat(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Mon espace candidat' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mes projets' })).toContainText("Vous n'avez pas encore de projet");
  await expect(page.getByTestId('etat-cv')).toContainText("Vous n'avez pas encore déposé de CV");
  await expect(page.getByTestId('nb-notifications')).toHaveText('Aucune notification non lue.');
  await expectNoAxeViolations(page);

  await page.goto('/candidat/projets');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes projets' })).toBeVisible();
  await expect(page.getByText("Vous n'avez pas encore de projet.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Créer un projet' }).click();
  await expect(page).toHaveURL(/\/candidat\/projets\/nouveau$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un projet' })).toBeVisible();
  // consent is opt-in: unchecked for a new project, with its explanation tied to it
  const consent = page.getByRole('checkbox', { name: CONSENT });
  await expect(consent).not.toBeChecked();
  await expect(consent).toHaveAccessibleDescription(/ce projet n.apparaît jamais dans leurs recherches ni dans leurs alertes/);
  await expectNoAxeViolations(page);

  await choose(page, page.getByRole('combobox', { name: 'Métier' }), 'mosaiste', MOSAISTE);
  await page.getByRole('checkbox', { name: "Contrat d'apprentissage" }).check();
  await expect(page.getByTestId('niveau-diplome')).toHaveText('Niveau : choisissez d’abord le diplôme');
  await choose(page, page.getByRole('combobox', { name: 'Intitulé diplôme' }), 'carreleur mosaiste', CAP);
  await expect(page.getByTestId('niveau-diplome')).toHaveText('Niveau : Niveau CAP, BEP');
  await page.getByRole('radio', { name: '2 années' }).check();
  await page.getByRole('checkbox', { name: 'Gironde (33)' }).check();
  await page.getByRole('checkbox', { name: 'Landes (40)' }).check();

  // one training; a second one added then removed (the focus follows)
  await page.getByRole('button', { name: 'Ajouter une formation' }).click();
  const f1 = group(page, 'Formation 1');
  await expect(f1.getByRole('textbox', { name: 'Intitulé', exact: true })).toBeFocused();
  await f1.getByRole('textbox', { name: 'Intitulé', exact: true }).fill('Bac pro aménagement et finition du bâtiment');
  await f1.getByRole('combobox', { name: 'Statut' }).selectOption({ label: 'Validé' });
  await f1.getByRole('textbox', { name: 'Année', exact: true }).fill('2024');
  await page.getByRole('button', { name: 'Ajouter une formation' }).click();
  await expect(group(page, 'Formation 2').getByRole('textbox', { name: 'Intitulé', exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Retirer la formation 2' }).click();
  await expect(group(page, 'Formation 2')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Retirer la formation 1' })).toBeFocused();

  await page.getByRole('button', { name: 'Ajouter une expérience' }).click();
  const e1 = group(page, 'Expérience 1');
  await expect(e1.getByRole('combobox', { name: "Type d'expérience" })).toBeFocused();
  await e1.getByRole('combobox', { name: "Type d'expérience" }).selectOption({ label: 'Stage' });
  await e1.getByRole('textbox', { name: 'Intitulé', exact: true }).fill('Aide carreleur');
  await e1.getByRole('textbox', { name: 'Entreprise (facultatif)', exact: true }).fill('Carrelages Aquitains');
  await e1.getByRole('textbox', { name: 'semaine(s)', exact: true }).fill('3');
  await e1.getByRole('textbox', { name: 'jour(s)', exact: true }).fill('5');
  await e1.getByRole('textbox', { name: 'Missions (facultatif)', exact: true }).fill('Préparation des supports, pose de faïence');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL(/\/candidat\/projets\?cree=\d+$/);
  const numero = Number(new URL(page.url()).searchParams.get('cree'));
  const affiche = formatNumero('projet', numero);
  const message = page.locator('#projets-message');
  await expect(message).toHaveText(`${PROJET_MESSAGES.cree} Son numéro : PROJET ${affiche}.`);
  await expect(message).toBeFocused();
  const card = carte(page, numero);
  await expect(card.getByRole('heading', { name: MOSAISTE })).toHaveCSS('text-transform', 'uppercase');
  for (const line of [
    `PROJET ${affiche}`,
    "Type d'alternance recherchée : Contrat d'apprentissage",
    `Intitulé diplôme : ${CAP}`,
    'Niveau : Niveau CAP, BEP',
    "Durée de l'alternance : 2 années",
    'Zone de recherche : Gironde, Landes',
    'Formations déjà suivies : 1',
    'Expériences : 1',
    'Aucune candidature envoyée avec ce projet',
  ]) {
    await expect(card).toContainText(line);
  }
  await expect(card.getByTestId('visibilite')).toContainText('Non visible');
  await expectNoAxeViolations(page);

  const row = await db.projet.findUniqueOrThrow({ where: { numero }, include: { formations: true, experiences: true } });
  expect(row).toMatchObject({ candidatId: user.id, metier: MOSAISTE, types: ['APPRENTISSAGE'], diplomeIntitule: CAP, niveau: 3, dureeAnnees: 2, departements: ['33', '40'], visible: false });
  expect(row.formations).toMatchObject([{ intitule: 'Bac pro aménagement et finition du bâtiment', statut: 'VALIDE', annee: 2024 }]);
  expect(row.experiences).toMatchObject([
    { type: 'STAGE', intitule: 'Aide carreleur', entreprise: 'Carrelages Aquitains', dureeSemaines: 3, dureeJours: 5, missions: 'Préparation des supports, pose de faïence' },
  ]);

  // « Modifier »: the form holds what was saved
  await card.getByRole('link', { name: `Modifier le projet ${affiche}` }).click();
  await expect(page).toHaveURL(new RegExp(`/candidat/projets/${numero}/modifier$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier le projet' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Métier' })).toHaveValue(MOSAISTE);
  await expect(page.getByRole('combobox', { name: 'Intitulé diplôme' })).toHaveValue(CAP);
  await expect(page.getByTestId('niveau-diplome')).toHaveText('Niveau : Niveau CAP, BEP');
  await expect(page.getByRole('radio', { name: '2 années' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Gironde (33)' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Charente (16)' })).not.toBeChecked();
  await expect(group(page, 'Formation 1').getByRole('textbox', { name: 'Intitulé', exact: true })).toHaveValue('Bac pro aménagement et finition du bâtiment');
  await expect(group(page, 'Expérience 1').getByRole('textbox', { name: 'jour(s)', exact: true })).toHaveValue('5');
  await expect(page.getByRole('checkbox', { name: CONSENT })).not.toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByRole('radio', { name: '1 année' }).check();
  await page.getByRole('checkbox', { name: 'Contrat de professionnalisation' }).check();
  await page.getByRole('checkbox', { name: 'Toute la Nouvelle-Aquitaine' }).check();
  await expect(page.getByRole('checkbox', { name: 'Gironde (33)' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Retirer la formation 1' }).click();
  await expect(page.getByRole('button', { name: 'Ajouter une formation' })).toBeFocused();
  await page.getByRole('checkbox', { name: CONSENT }).check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL(new RegExp(`/candidat/projets\\?modifie=${numero}$`));
  await expect(message).toContainText(PROJET_MESSAGES.modifie);
  await expect(card).toContainText("Durée de l'alternance : 1 année");
  await expect(card).toContainText("Type d'alternance recherchée : Contrat d'apprentissage, Contrat de professionnalisation");
  await expect(card).toContainText('Zone de recherche : Nouvelle-Aquitaine (toute la région)');
  await expect(card).toContainText('Formations déjà suivies : 0');
  await expect(card.getByTestId('visibilite')).toHaveText(/Visible par les acteurs de la formation et de l.insertion/);
  expect(await db.projet.findUniqueOrThrow({ where: { numero }, select: { visible: true, zoneRegion: true, departements: true, dureeAnnees: true } })).toEqual({
    visible: true,
    zoneRegion: true,
    departements: [],
    dureeAnnees: 1,
  });
  expect(await db.projetFormation.count({ where: { projetId: row.id } })).toBe(0);

  // the consent can be withdrawn again
  await page.goto(`/candidat/projets/${numero}/modifier`);
  await expect(page.getByRole('checkbox', { name: CONSENT })).toBeChecked();
  await page.getByRole('checkbox', { name: CONSENT }).uncheck();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL(/\?modifie=/);
  expect((await db.projet.findUniqueOrThrow({ where: { numero } })).visible).toBe(false);

  await page.goto('/candidat');
  await expect(page.getByTestId('nb-projets')).toHaveText('1 projet');
});

test('les erreurs sont en français, à côté des champs ; la saisie est conservée ; un métier inconnu est refusé par le serveur', async ({ page }) => {
  const user = await freshCandidat(page);
  await page.goto('/candidat/projets/nouveau');
  const metier = page.getByRole('combobox', { name: 'Métier' });
  await metier.pressSequentially('zzmetierquinexistepas', { delay: 10 });
  await expect(page.getByText(/^Aucun résultat pour « zzmetierquinexistepas »\. Vérifiez/)).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter une formation' }).click();
  await group(page, 'Formation 1').getByRole('textbox', { name: 'Année', exact: true }).fill('1850');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page.locator('#appellationCode-error')).toHaveText(PROJET_MESSAGES.metier);
  await expect(page.locator('#types-error')).toHaveText(PROJET_MESSAGES.types);
  await expect(page.locator('#certificationId-error')).toHaveText(PROJET_MESSAGES.diplome);
  await expect(page.locator('#dureeAnnees-error')).toHaveText(PROJET_MESSAGES.duree);
  await expect(page.locator('#departements-error')).toHaveText(PROJET_MESSAGES.zone);
  await expect(page.locator('#formations-0-intitule-error')).toHaveText(PROJET_MESSAGES.formationIntitule);
  await expect(page.locator('#formations-0-statut-error')).toHaveText(PROJET_MESSAGES.formationStatut);
  await expect(page.locator('#formations-0-annee-error')).toHaveText(PROJET_MESSAGES.formationAnnee);
  // the first field in error has the focus, its message is tied to it; what was typed is kept
  await expect(metier).toBeFocused();
  await expect(metier).toHaveAttribute('aria-invalid', 'true');
  await expect(metier).toHaveAttribute('aria-describedby', /appellationCode-error/);
  await expect(metier).toHaveValue('zzmetierquinexistepas');
  await expect(group(page, 'Formation 1').getByRole('textbox', { name: 'Année', exact: true })).toHaveValue('1850');
  await expect(page).toHaveURL(/\/nouveau$/);
  await expectNoAxeViolations(page);

  // a type and a zone chosen: those errors go, the others stay; the focus goes to the first one left
  await page.getByRole('checkbox', { name: 'Stage professionnel' }).check();
  await page.getByRole('checkbox', { name: 'Toute la Nouvelle-Aquitaine' }).check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('#types-error')).toHaveCount(0);
  await expect(page.locator('#departements-error')).toHaveCount(0);
  await expect(page.locator('#appellationCode-error')).toHaveText(PROJET_MESSAGES.metier);
  await expect(metier).toBeFocused();

  // a forged request with a code outside the referential: refused by the server, with the field's message
  const cap = await db.certification.findFirstOrThrow({ where: { intitule: CAP, active: true } });
  const forged = await callServerAction(
    page,
    ACTIONS,
    'createProjetAction',
    [
      {
        appellationCode: 'ZZZ99',
        metier: 'Métier inventé',
        types: ['APPRENTISSAGE'],
        certificationId: cap.id,
        dureeAnnees: '1',
        zoneRegion: true,
        departements: [],
        formations: [],
        experiences: [],
        visible: true,
      },
    ],
    '/candidat/projets/nouveau',
  );
  expect(forged.body).toContain(PROJET_MESSAGES.metierInconnu);
  expect(forged.redirect).toBeNull();
  expect(await db.projet.count({ where: { candidatId: user.id } })).toBe(0);
});

test('supprimer un projet demande une confirmation ; les candidatures envoyées gardent le projet', async ({ page }) => {
  const user = await freshCandidat(page);
  const projet = await createProjet(db, { candidatId: user.id, departements: ['64'] });
  const structure = await createStructure(db, { raisonSociale: `CFA suppression projet ${projet.numero}` });
  const acteur = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('sp-g') });
  const employeur = await createEmployeur(db, { raisonSociale: `Carrelages suppression ${projet.numero}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: acteur.id });
  const candidature = await createCandidature(db, { offreId: offre.id, candidatId: user.id, projetId: projet.id });
  const affiche = formatNumero('projet', projet.numero);

  await page.goto('/candidat/projets');
  const card = carte(page, projet.numero);
  await expect(card).toContainText('1 candidature envoyée avec ce projet');
  const supprimer = card.getByRole('button', { name: `Supprimer le projet ${affiche}` });
  await supprimer.click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer ce projet ?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`PROJET ${affiche}`);
  await expect(dialog).toContainText('La candidature déjà envoyée avec ce projet ne change pas');
  await expect(dialog).toContainText('tel qu’il était au moment de l’envoi');
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await expectNoAxeViolations(page);

  // Échap cancels: nothing changes, the focus returns to the button
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(supprimer).toBeFocused();
  expect(await db.projet.count({ where: { id: projet.id } })).toBe(1);

  await supprimer.click();
  await dialog.getByRole('button', { name: 'Supprimer le projet' }).click();
  await expect(page).toHaveURL(new RegExp(`/candidat/projets\\?supprime=${projet.numero}$`));
  await expect(page.locator('#projets-message')).toHaveText(PROJET_MESSAGES.supprime);
  await expect(page.locator('#projets-message')).toBeFocused();
  await expect(carte(page, projet.numero)).toHaveCount(0);
  await expect(page.getByText("Vous n'avez pas encore de projet.")).toBeVisible();
  expect(await db.projet.count({ where: { id: projet.id } })).toBe(0);
  const kept = await db.candidature.findUniqueOrThrow({ where: { id: candidature.id } });
  expect(kept.projetId).toBeNull();
  expect(kept.projetSnapshot).toMatchObject({ numero: projet.numero, departements: ['64'] });
  await expectNoAxeViolations(page);
});

test('un autre candidat obtient 404 et ne peut ni modifier ni supprimer', async ({ page }) => {
  const owner = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('proprio') });
  const projet = await createProjet(db, { candidatId: owner.id, visible: true });
  const before = await db.projet.findUniqueOrThrow({ where: { id: projet.id } });

  await freshCandidat(page, 'Intrus');
  for (const path of [`/candidat/projets/${projet.numero}/modifier`, '/candidat/projets/0/modifier', '/candidat/projets/abc/modifier', '/candidat/projets/99999999999/modifier']) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  await page.goto('/candidat/projets');
  await expect(carte(page, projet.numero)).toHaveCount(0);

  const del = await callServerAction(page, ACTIONS, 'deleteProjetAction', [projet.numero], '/candidat/projets');
  expect(del.body).toContain(PROJET_MESSAGES.introuvable);
  const cap = await db.certification.findFirstOrThrow({ where: { intitule: CAP, active: true } });
  const upd = await callServerAction(
    page,
    ACTIONS,
    'updateProjetAction',
    [
      projet.numero,
      { appellationCode: '11691', types: ['STAGE_PRO'], certificationId: cap.id, dureeAnnees: '3', zoneRegion: true, departements: [], formations: [], experiences: [], visible: false },
    ],
    `/candidat/projets/${projet.numero}/modifier`,
  );
  expect(upd.body).toContain(PROJET_MESSAGES.introuvable);
  expect(upd.redirect).toBeNull();
  expect(await db.projet.findUniqueOrThrow({ where: { id: projet.id } })).toEqual(before);
});

test('un acteur de la formation et de l’insertion n’ouvre pas l’espace candidat', async ({ page, loginAs }) => {
  const owner = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('proprio') });
  const projet = await createProjet(db, { candidatId: owner.id });
  await loginAs('gestionnaire');
  for (const path of ['/candidat', '/candidat/projets', '/candidat/projets/nouveau', `/candidat/projets/${projet.numero}/modifier`]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
  const forged = await callServerAction(page, ACTIONS, 'deleteProjetAction', [projet.numero], '/candidat/projets');
  expect(forged.body).not.toContain('"ok":true');
  expect(await db.projet.count({ where: { id: projet.id } })).toBe(1);
  // nor a CV
  expect((await page.request.get('/api/cv')).status()).toBe(404);
});

test('Mon CV : déposer, télécharger, remplacer, refuser un faux PDF et un fichier trop gros, supprimer ; chacun ne lit que le sien', async ({ page, browser }) => {
  const user = await freshCandidat(page);
  const documents = () => db.document.count({ where: { ownerId: user.id } });
  await page.goto('/candidat/projets');
  const section = page.getByRole('region', { name: 'Mon CV' });
  await expect(section).toContainText('Au format PDF uniquement, 5 Mo au plus.');
  await expect(section).toContainText('envoyé seulement aux structures qui suivent les offres auxquelles vous postulez');
  await expect(section).toContainText('ne change pas les candidatures déjà envoyées');
  await expect(page.getByTestId('cv-actuel')).toHaveText("Vous n'avez pas encore déposé de CV.");

  const v1 = pdf('version 1');
  await page.getByLabel('Choisir un fichier PDF (5 Mo au plus)').setInputFiles({ name: 'CV Léa Candidate.pdf', mimeType: 'application/pdf', buffer: v1 });
  await page.getByRole('button', { name: 'Envoyer mon CV' }).click();
  await expect(section.getByRole('status')).toHaveText(CV_MESSAGES.enregistre);
  await expect(page.getByTestId('cv-actuel')).toContainText(`CV Léa Candidate.pdf (${formatTaille(v1.length)})`);
  expect(await documents()).toBe(1);
  await expectNoAxeViolations(page);

  // downloadable, as an attachment only
  const link = page.getByRole('link', { name: 'Télécharger mon CV' });
  await expect(link).toHaveAttribute('href', '/api/cv');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('CV Léa Candidate.pdf');
  let response = await page.request.get('/api/cv');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(Buffer.from(await response.body()).equals(v1)).toBe(true);

  // replaced
  const v2 = pdf('version 2, plus longue');
  await page.getByLabel('Remplacer mon CV').setInputFiles({ name: 'CV v2.pdf', mimeType: 'application/pdf', buffer: v2 });
  await page.getByRole('button', { name: 'Envoyer mon CV' }).click();
  await expect(page.getByTestId('cv-actuel')).toContainText(`CV v2.pdf (${formatTaille(v2.length)})`);
  expect(await db.document.count({ where: { ownerId: user.id, deletedAt: null } })).toBe(1);
  expect(Buffer.from(await (await page.request.get('/api/cv')).body()).equals(v2)).toBe(true);
  const stored = await documents();

  // a text file named .pdf: refused by its content, nothing stored
  await page.getByLabel('Remplacer mon CV').setInputFiles({ name: 'faux.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Ceci est un texte, pas un PDF.\n'.repeat(10)) });
  await page.getByRole('button', { name: 'Envoyer mon CV' }).click();
  await expect(section.getByRole('alert')).toHaveText(CV_MESSAGES.pasPdf);
  await expect(page.getByLabel('Remplacer mon CV')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('cv-actuel')).toContainText('CV v2.pdf');
  expect(await documents()).toBe(stored);
  await expectNoAxeViolations(page);

  // over 5 Mo: refused (in the browser first, and by the server for a forged request), nothing stored
  const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(CV_MAX_BYTES, 0x20), Buffer.from('\n%%EOF\n')]);
  await page.getByLabel('Remplacer mon CV').setInputFiles({ name: 'gros.pdf', mimeType: 'application/pdf', buffer: big });
  await page.getByRole('button', { name: 'Envoyer mon CV' }).click();
  await expect(section.getByRole('alert')).toHaveText(CV_MESSAGES.tropGros);
  response = await page.request.post('/api/cv', { multipart: { fichier: { name: 'gros.pdf', mimeType: 'application/pdf', buffer: big } } });
  expect(response.status()).toBe(413);
  expect(((await response.json()) as { message: string }).message).toBe(CV_MESSAGES.tropGros);
  expect(await documents()).toBe(stored);
  expect(Buffer.from(await (await page.request.get('/api/cv')).body()).equals(v2)).toBe(true);

  // another candidate reads only his own CV: none yet (404), then his own
  const context = await browser.newContext();
  const other = await context.newPage();
  try {
    await freshCandidat(other, 'Autre');
    expect((await other.request.get('/api/cv')).status()).toBe(404);
    const sien = pdf('le CV de l’autre candidat');
    const posted = await other.request.post('/api/cv', { multipart: { fichier: { name: 'autre.pdf', mimeType: 'application/pdf', buffer: sien } } });
    expect(posted.status()).toBe(200);
    const got = await other.request.get('/api/cv');
    expect(Buffer.from(await got.body()).equals(sien)).toBe(true);
    expect(got.headers()['content-disposition']).toContain('autre.pdf');
  } finally {
    await context.close();
  }

  // « Mon espace candidat » says a CV is there
  await page.goto('/candidat');
  await expect(page.getByTestId('etat-cv')).toContainText('CV déposé : CV v2.pdf');
  await page.goto('/candidat/projets');

  // deleted after confirmation
  await page.getByRole('button', { name: 'Supprimer mon CV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer mon CV' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Supprimer mon CV' }).click();
  await expect(section.getByRole('status')).toHaveText(CV_MESSAGES.supprime);
  await expect(page.getByTestId('cv-actuel')).toHaveText("Vous n'avez pas encore déposé de CV.");
  expect(await db.document.count({ where: { ownerId: user.id, deletedAt: null } })).toBe(0);
  expect((await page.request.get('/api/cv')).status()).toBe(404);
});
