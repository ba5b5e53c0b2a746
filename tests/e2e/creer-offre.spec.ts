import type { Locator, Page } from '@playwright/test';
import { formatDate, formatNumero } from '@/lib/format';
import { createPrismaClient } from '@/lib/prisma-client';
import { CARRELEUR, createActeur, createEmployeur, createOffre, createStructure, linkEmployeur } from '@/tests/factories';
import { callServerAction, expect, expectNoAxeViolations, formError, signIn, test, uniqueEmail } from './fixtures';

/**
 * « Créer une offre », its detail page and « Modifier », as a fresh acteur of a fresh structure
 * with two validated employers and a pending one (which must never be offered).
 */
const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const MOSAISTE = 'Carreleur / Carreleuse mosaïste';

function inDays(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function freshStructure() {
  const tag = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const structure = await createStructure(db, { raisonSociale: `CFA Offres ${tag}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('offre-g'), prenom: 'Gaëlle', nom: 'Gestion' });
  const utilisateur = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('offre-u'), prenom: 'Ugo', nom: 'Util' });
  const carrelages = await createEmployeur(db, {
    raisonSociale: `Carrelages E2E ${tag}`,
    adresse: '12 avenue Thiers',
    codePostal: '33100',
    communeInsee: '33063',
    ville: 'Bordeaux',
  });
  const toitures = await createEmployeur(db, { raisonSociale: `Toitures E2E ${tag}`, codePostal: '33250', communeInsee: '33314', ville: 'Pauillac' });
  const enAttente = await createEmployeur(db, { raisonSociale: `Négoce en attente ${tag}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: carrelages.id });
  await linkEmployeur(db, { structureId: structure.id, employeurId: toitures.id });
  await linkEmployeur(db, { structureId: structure.id, employeurId: enAttente.id, status: 'EN_ATTENTE' });
  return { structure, gestionnaire, utilisateur, carrelages, toitures, enAttente };
}

async function certification(intitule: string) {
  return db.certification.findFirstOrThrow({ where: { intitule, active: true }, select: { id: true, intitule: true, niveau: true } });
}

/** Types in the combobox, then walks the options with ↓ until `option` is active, and presses Entrée. */
async function chooseByKeyboard(page: Page, combobox: Locator, text: string, option: string) {
  await combobox.focus();
  await combobox.pressSequentially(text, { delay: 20 });
  await expect(page.getByRole('option', { name: option }).first()).toBeVisible();
  await expect(combobox).toHaveAttribute('aria-expanded', 'true');
  for (let i = 0; i < 20; i++) {
    await combobox.press('ArrowDown');
    const active = await combobox.getAttribute('aria-activedescendant');
    expect(active).toBeTruthy();
    const activeOption = page.locator(`[id="${active}"]`);
    await expect(activeOption).toHaveAttribute('aria-selected', 'true');
    if ((await activeOption.textContent())?.startsWith(option)) {
      await combobox.press('Enter');
      await expect(combobox).toHaveAttribute('aria-expanded', 'false');
      return;
    }
  }
  throw new Error(`option « ${option} » introuvable au clavier`);
}

const box = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

test('créer une offre au clavier, deux diplômes, « Valider » → la page de l’offre montre tout', async ({ page }) => {
  const s = await freshStructure();
  await signIn(page, s.gestionnaire.email);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto('/mes-offres/nouvelle');
  await expect(page.getByRole('heading', { level: 1, name: 'Créer une offre' })).toBeVisible();
  for (const text of [
    "Vous devez renseigner vos offres le plus précisément possible. N'oubliez pas de renseigner un ou plusieurs diplômes.",
    "Plus l'information est complète plus vous aurez de chances de trouver les candidats qui correspondent à vos projets et objectifs.",
    'ne diffuse pas les coordonnées des entreprises',
    "Les champs suivis d'une astérisque sont des champs obligatoires",
  ]) {
    await expect(page.getByText(text)).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'Ajouter un employeur' })).toHaveAttribute('href', '/mes-offres/employeurs/ajouter');
  await expectNoAxeViolations(page);

  // only the validated employers, never the pending one
  const employeur = page.getByLabel("L'employeur");
  await expect(employeur.locator('option')).toHaveText(['Sélectionner un employeur', s.carrelages.raisonSociale, s.toitures.raisonSociale]);

  await page.getByRole('checkbox', { name: "Contrat d'apprentissage" }).check();
  await page.getByRole('checkbox', { name: 'Contrat de professionnalisation' }).check();
  await employeur.selectOption({ label: s.carrelages.raisonSociale });
  // the workplace is prefilled from the employer, and stays editable
  await expect(box(page, 'Adresse')).toHaveValue('12 avenue Thiers');
  await expect(box(page, 'Code postal')).toHaveValue('33100');
  await expect(page.getByLabel('Commune')).toHaveValue('33063');
  await box(page, 'Complément').fill('Bâtiment B');

  const metier = page.getByRole('combobox', { name: 'Métier' });
  await expect(metier).toHaveAttribute('aria-expanded', 'false');
  await expect(metier).toHaveAttribute('aria-controls', /.+/);
  await chooseByKeyboard(page, metier, 'mosaiste', MOSAISTE);
  await expect(metier).toHaveValue(MOSAISTE);
  await expect(page.getByRole('status').filter({ hasText: MOSAISTE })).toHaveCount(1);

  await page.getByLabel('Description des missions').fill('Pose de carrelage et de mosaïque sur chantiers de rénovation.');
  const date = inDays(45);
  await page.getByLabel("Date prévue d'embauche").fill(date);
  await box(page, 'Durée du contrat (mois)').fill('24');
  await expect(page.getByLabel('Référent')).toHaveValue(s.gestionnaire.id); // the current user by default
  await page.getByLabel('Référent').selectOption({ label: 'Ugo Util' });
  await box(page, 'Nombre de postes').fill('2');

  const diplome = page.getByRole('combobox', { name: 'Diplôme ou formation à préparer' });
  await chooseByKeyboard(page, diplome, 'carreleur mosaiste', 'CAP - Carreleur Mosaïste');
  await expect(diplome).toHaveValue('');
  await chooseByKeyboard(page, diplome, 'couvreur', 'BP - Couvreur');
  const choisis = page.getByRole('list', { name: /Diplômes ou formations à préparer/ });
  await expect(choisis.getByRole('listitem')).toHaveText([/CAP - Carreleur Mosaïste — Niveau CAP, BEP/, /BP - Couvreur — Niveau Bac/]);
  // the same diploma twice is refused
  await chooseByKeyboard(page, diplome, 'couvreur', 'BP - Couvreur');
  await expect(page.locator('#diplomes-error')).toHaveText('Ce diplôme ou cette formation figure déjà dans la liste.');
  await expect(diplome).toHaveAttribute('aria-describedby', /diplomes-error/);
  await expect(choisis.getByRole('listitem')).toHaveCount(2);
  // a third one, removed again
  await chooseByKeyboard(page, diplome, 'carreleur mosaiste', 'BP - Carreleur mosaiste');
  await expect(choisis.getByRole('listitem')).toHaveCount(3);
  await expect(page.locator('#diplomes-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Retirer BP - Carreleur mosaiste — Niveau Bac' }).click();
  await expect(choisis.getByRole('listitem')).toHaveCount(2);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page).toHaveURL(/\/mes-offres\/\d+\?publiee=1$/);
  const numero = Number(new URL(page.url()).pathname.split('/').pop());
  await expect(page.getByText('Votre offre est publiée.')).toBeVisible();
  const carte = page.getByRole('article');
  await expect(carte).toContainText(`OFFRE ${formatNumero('offre', numero)}`);
  await expect(carte).toContainText('Offre en cours');
  await expect(carte.getByRole('heading', { name: MOSAISTE })).toHaveCSS('text-transform', 'uppercase');
  for (const [label, value] of [
    ['Entreprise', s.carrelages.raisonSociale],
    ['Référent', 'Ugo Util'],
    ['Lieu de travail', 'Bordeaux'],
    ["Date prévue d'embauche", formatDate(new Date(`${date}T00:00:00Z`))],
    ['Niveau(x) Préparé(s)', 'Niveau CAP, BEP / Niveau Bac'],
  ]) {
    await expect(carte.getByRole('definition').filter({ hasText: value })).toBeVisible();
    await expect(carte.getByRole('term').filter({ hasText: label })).toBeVisible();
  }
  await expect(carte).toContainText('0 Candidature');
  await expect(page.getByText('Pose de carrelage et de mosaïque sur chantiers de rénovation.')).toBeVisible();
  await expect(page.getByText("Contrat d'apprentissage, Contrat de professionnalisation")).toBeVisible();
  await expect(page.getByText('12 avenue Thiers, Bâtiment B, 33100 Bordeaux')).toBeVisible();
  await expect(page.getByText('24 mois')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Diplômes ou formations à préparer' }).getByRole('listitem')).toHaveText([
    'CAP - Carreleur Mosaïste — Niveau CAP, BEP',
    'BP - Couvreur — Niveau Bac',
  ]);
  await expect(page.getByRole('link', { name: 'Modifier' })).toHaveAttribute('href', `/mes-offres/${numero}/modifier`);
  await expect(page.getByRole('link', { name: 'Retour à « Mes offres »' })).toHaveAttribute('href', '/mes-offres');
  await expectNoAxeViolations(page);

  const offre = await db.offre.findUniqueOrThrow({ where: { numero }, include: { diplomes: true } });
  expect(offre).toMatchObject({
    structureId: s.structure.id,
    employeurId: s.carrelages.id,
    status: 'EN_COURS',
    metier: MOSAISTE,
    appellationCode: CARRELEUR.appellationCode,
    romeCode: CARRELEUR.romeCode,
    referentId: s.utilisateur.id,
    createdById: s.gestionnaire.id,
    nombrePostes: 2,
    dureeMois: 24,
    communeInsee: '33063',
  });
  expect(offre.diplomes).toHaveLength(2);
  expect(offre.searchText).toContain('mosaiste');
  expect(await db.auditLog.count({ where: { action: 'offre.creation', entityId: offre.id } })).toBe(1);
});

test('champs obligatoires vides : une erreur à côté de chaque champ, le focus sur le premier, rien de perdu', async ({ page }) => {
  const s = await freshStructure();
  await signIn(page, s.utilisateur.email);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto('/mes-offres/nouvelle');
  await page.getByLabel('Description des missions').fill('Texte à garder');
  await page.getByRole('button', { name: 'Valider' }).click();

  const errors: [string, string][] = [
    ['types-error', "Cochez au moins un type d'alternance recherchée."],
    ['employeurId-error', "Choisissez l'employeur associé à cette offre."],
    ['appellationCode-error', 'Saisissez un métier puis choisissez-le dans la liste proposée.'],
    ['adresse-error', "Saisissez l'adresse du lieu de travail."],
    ['dateEmbauche-error', "Saisissez la date prévue d'embauche, par exemple 01/09/2027."],
    ['diplomes-error', 'Ajoutez au moins un diplôme ou une formation à préparer.'],
  ];
  for (const [id, message] of errors) await expect(page.locator(`#${id}`)).toHaveText(message);
  await expect(page.getByRole('checkbox', { name: "Contrat d'apprentissage" })).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Métier' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('combobox', { name: 'Métier' })).toHaveAttribute('aria-describedby', /appellationCode-error/);
  await expect(page.getByLabel('Description des missions')).toHaveValue('Texte à garder');
  await expectNoAxeViolations(page);

  // a date in the past, or too far
  await page.getByLabel("Date prévue d'embauche").fill(inDays(-1));
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.locator('#dateEmbauche-error')).toHaveText(/ne peut pas être déjà passée/);
  await page.getByLabel("Date prévue d'embauche").fill(inDays(900));
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.locator('#dateEmbauche-error')).toHaveText(/plus de 2 ans/);
  expect(await db.offre.count({ where: { structureId: s.structure.id } })).toBe(0);
});

test('une requête forgée avec l’employeur en attente (ou d’une autre structure) est refusée, rien n’est écrit', async ({ page }) => {
  const s = await freshStructure();
  const autre = await createStructure(db);
  const etranger = await createEmployeur(db, { raisonSociale: 'Employeur étranger' });
  await linkEmployeur(db, { structureId: autre.id, employeurId: etranger.id });
  const cap = await certification('CAP - Carreleur Mosaïste');
  await signIn(page, s.gestionnaire.email);
  await expect(page).toHaveURL(/\/mon-espace$/);

  const payload = (employeurId: string) => ({
    types: ['APPRENTISSAGE'],
    employeurId,
    appellationCode: CARRELEUR.appellationCode,
    description: 'Forgée',
    adresse: '1 rue Forgée',
    complementAdresse: '',
    codePostal: '',
    communeInsee: '',
    dateEmbauche: inDays(30),
    dureeMois: '',
    referentId: s.gestionnaire.id,
    nombrePostes: '1',
    diplomes: [{ certificationId: cap.id, intitule: cap.intitule, niveau: cap.niveau }],
  });
  for (const employeurId of [s.enAttente.id, etranger.id]) {
    const result = await callServerAction(page, 'lib/actions/offres.ts', 'createOffreAction', [payload(employeurId)], '/mes-offres/nouvelle');
    expect(result.redirect).toBeNull();
    expect(result.body).toContain('"ok":false');
    expect(result.body).toContain("Cet employeur n'est pas validé pour votre structure");
  }
  // another structure's member as référent
  const intrus = await createActeur(db, autre.id, 'GESTIONNAIRE', { email: uniqueEmail('intrus') });
  const referent = await callServerAction(page, 'lib/actions/offres.ts', 'createOffreAction', [{ ...payload(s.carrelages.id), referentId: intrus.id }], '/mes-offres/nouvelle');
  expect(referent.body).toContain("Choisissez le référent de l'offre parmi les membres de votre structure.");
  expect(await db.offre.count({ where: { structureId: s.structure.id } })).toBe(0);
  expect(await db.offre.count({ where: { employeurId: { in: [s.enAttente.id, etranger.id] } } })).toBe(0);

  // the same request with the validated employer goes through: the refusals above were about the employer
  const valid = await callServerAction(page, 'lib/actions/offres.ts', 'createOffreAction', [payload(s.carrelages.id)], '/mes-offres/nouvelle');
  expect(valid.redirect).toMatch(/\/mes-offres\/\d+\?publiee=1/);
  expect(await db.offre.count({ where: { structureId: s.structure.id } })).toBe(1);
});

test('« Modifier » puis « Enregistrer » (par un UTILISATEUR de la structure)', async ({ page }) => {
  const s = await freshStructure();
  const cap = await certification('CAP - Carreleur Mosaïste');
  const bp = await certification('BP - Carreleur mosaiste');
  const offre = await createOffre(db, {
    structureId: s.structure.id,
    employeurId: s.carrelages.id,
    referentId: s.gestionnaire.id,
    types: ['APPRENTISSAGE'],
    dateEmbauche: new Date(`${inDays(90)}T00:00:00Z`),
    diplomes: [
      { certificationId: cap.id, intitule: cap.intitule, niveau: cap.niveau },
      { certificationId: bp.id, intitule: bp.intitule, niveau: bp.niveau },
    ],
  });
  await signIn(page, s.utilisateur.email);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto(`/mes-offres/${offre.numero}`);
  await page.getByRole('link', { name: 'Modifier' }).click();
  await expect(page).toHaveURL(new RegExp(`/mes-offres/${offre.numero}/modifier$`));
  await expect(page.getByRole('heading', { level: 1, name: "Modifier l'offre" })).toBeVisible();

  // prefilled
  await expect(page.getByRole('checkbox', { name: "Contrat d'apprentissage" })).toBeChecked();
  await expect(page.getByLabel("L'employeur")).toHaveValue(s.carrelages.id);
  await expect(page.getByRole('combobox', { name: 'Métier' })).toHaveValue(MOSAISTE);
  await expect(page.getByLabel("Date prévue d'embauche")).toHaveValue(inDays(90));
  await expect(page.getByLabel('Commune')).toHaveValue('33063');
  const choisis = page.getByRole('list', { name: /Diplômes ou formations à préparer/ });
  await expect(choisis.getByRole('listitem')).toHaveCount(2);
  await expectNoAxeViolations(page);

  await page.getByRole('checkbox', { name: 'Stage professionnel' }).check();
  await page.getByLabel('Description des missions').fill('Nouvelle description des missions.');
  await box(page, 'Nombre de postes').fill('3');
  await page.getByRole('button', { name: 'Retirer BP - Carreleur mosaiste — Niveau Bac' }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page).toHaveURL(new RegExp(`/mes-offres/${offre.numero}\\?enregistree=1$`));
  await expect(page.getByText('Vos modifications sont enregistrées.')).toBeVisible();
  await expect(page.getByText('Nouvelle description des missions.')).toBeVisible();
  await expect(page.getByText("Contrat d'apprentissage, Stage professionnel")).toBeVisible();
  await expect(page.getByRole('region', { name: 'Diplômes ou formations à préparer' }).getByRole('listitem')).toHaveText(['CAP - Carreleur Mosaïste — Niveau CAP, BEP']);

  const after = await db.offre.findUniqueOrThrow({ where: { id: offre.id }, include: { diplomes: true } });
  expect(after).toMatchObject({ status: 'EN_COURS', nombrePostes: 3, types: ['APPRENTISSAGE', 'STAGE_PRO'], publishedAt: offre.publishedAt });
  expect(after.diplomes.map((d) => d.intitule)).toEqual([cap.intitule]);
  const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'offre.modification', entityId: offre.id } });
  expect(audit.actorId).toBe(s.utilisateur.id);
  expect(audit.before).toMatchObject({ nombrePostes: 1 });
  expect(audit.after).toMatchObject({ nombrePostes: 3 });
});

test('réactiver une offre archivée : l’ouvrir et l’enregistrer de nouveau', async ({ page }) => {
  const s = await freshStructure();
  const old = new Date(Date.now() - 200 * 86_400_000);
  const offre = await createOffre(db, { structureId: s.structure.id, employeurId: s.carrelages.id, referentId: s.gestionnaire.id, dateEmbauche: new Date(`${inDays(60)}T00:00:00Z`) });
  await db.offre.update({ where: { id: offre.id }, data: { status: 'ARCHIVEE', publishedAt: old, archivedAt: old, archiveWarnedAt: old } });

  await signIn(page, s.gestionnaire.email);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto(`/mes-offres/${offre.numero}`);
  await expect(page.getByRole('article')).toContainText('Offre archivée');
  await expectNoAxeViolations(page);
  await page.goto(`/mes-offres/${offre.numero}/modifier`);
  await expect(page.getByText('Cette offre est archivée.')).toBeVisible();
  await expect(page.getByText("Si vous avez archivé une offre et que vous souhaitez la réactiver, il vous suffit de l'ouvrir et de l'enregistrer de nouveau.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await expect(page).toHaveURL(new RegExp(`/mes-offres/${offre.numero}\\?reactivee=1$`));
  await expect(page.getByText('Votre offre est réactivée.')).toBeVisible();
  await expect(page.getByRole('article')).toContainText('Offre en cours');
  const after = await db.offre.findUniqueOrThrow({ where: { id: offre.id } });
  expect(after).toMatchObject({ status: 'EN_COURS', archivedAt: null, archiveWarnedAt: null });
  expect(Date.now() - after.publishedAt.getTime()).toBeLessThan(120_000);
});

test('le gestionnaire d’une autre structure reçoit 404 sur la page de l’offre et sur « Modifier »', async ({ page }) => {
  const s = await freshStructure();
  const offre = await createOffre(db, { structureId: s.structure.id, employeurId: s.carrelages.id, referentId: s.gestionnaire.id });
  const autre = await createStructure(db);
  const intrus = await createActeur(db, autre.id, 'GESTIONNAIRE', { email: uniqueEmail('autre-g') });
  await signIn(page, intrus.email);
  await expect(page).toHaveURL(/\/mon-espace$/);
  for (const path of [`/mes-offres/${offre.numero}`, `/mes-offres/${formatNumero('offre', offre.numero)}/modifier`, '/mes-offres/abc', '/mes-offres/99999999999']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText(offre.metier)).toHaveCount(0);
  }
  await expect(formError(page)).toHaveCount(0);
});
