import type { Browser, Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { createActeur, createEmployeur, createStructure, createUser, linkEmployeur } from '@/tests/factories';
import { box, callServerAction, expect, expectNoAxeViolations, newEntrepriseInDirectory, signIn, test, uniqueEmail, waitForEmail } from './fixtures';

/**
 * « Demandes d'employeurs » (/admin/employeurs): an acteur asks, the admin team validates or
 * refuses (one by one or a selection), exports the queue; nobody else may.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const ADMIN = '/admin/employeurs';
const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

async function adminPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.admin);
  await expect(page.getByTestId('current-user')).toBeVisible();
  return { context, page };
}

/** A fresh structure (own e-mail domain) whose gestionnaire is signed in on `page`. */
async function freshStructure(page: Page) {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const structure = await createStructure(db, { raisonSociale: `CFA Admin ${stamp}`, email: `contact@cfa-admin-${stamp}.fr` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('g-admin-employeurs') });
  await signIn(page, gestionnaire.email);
  await expect(page).toHaveURL(/\/mon-espace$/);
  return { stamp, structure, gestionnaire };
}

test('demande d’un acteur → alerte → « Valider » → employeur proposé à l’offre, e-mail ; « Refuser » avec motif ; validation groupée ; export CSV', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { stamp, structure, gestionnaire } = await freshStructure(page);

  // the acteur asks for an employer with the structure's own e-mail domain
  const { siret, nom } = await newEntrepriseInDirectory('PARTENAIRE ADMIN');
  await page.goto('/mes-offres/employeurs/ajouter');
  await box(page, 'Siret').fill(siret);
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByText('Établissement trouvé')).toBeVisible();
  await box(page, 'Email').fill(`recrutement@cfa-admin-${stamp}.fr`);
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page).toHaveURL(/\/mes-offres\/employeurs\?demande=\d+$/);

  // three more requests of the same structure, made directly
  const batiment = await createEmployeur(db, { raisonSociale: `Bâtiment Sud ${stamp}` });
  const lotA = await createEmployeur(db, { raisonSociale: `Lot A ${stamp}` });
  const lotB = await createEmployeur(db, { raisonSociale: `Lot B ${stamp}` });
  const lotC = await createEmployeur(db, { raisonSociale: `Lot C ${stamp}` });
  for (const e of [batiment, lotA, lotB, lotC]) await linkEmployeur(db, { structureId: structure.id, employeurId: e.id, status: 'EN_ATTENTE', requestedById: gestionnaire.id });

  const { context, page: admin } = await adminPage(browser);
  await admin.goto(ADMIN);
  await expect(admin.getByRole('heading', { level: 1, name: "Demandes d'employeurs" })).toBeVisible();
  await expect(admin.getByRole('navigation', { name: 'Statut des demandes' }).getByRole('link', { name: /^En attente \(\d+\)$/ })).toHaveAttribute('aria-current', 'page');
  await admin.getByRole('searchbox', { name: 'Rechercher une demande' }).fill(structure.raisonSociale);
  await admin.getByRole('button', { name: 'Rechercher' }).click();
  await expect(admin).toHaveURL(/q=CFA/);
  await expect(admin.getByRole('link', { name: 'En attente (5)' })).toBeVisible();
  await expect(admin.getByRole('link', { name: 'Validés (0)' })).toBeVisible();
  // oldest first: the request sent through the form comes first
  await expect(admin.getByRole('row').nth(1)).toContainText(nom);
  const row = rowOf(admin, nom);
  await expect(row).toContainText(siret);
  await expect(row).toContainText(structure.raisonSociale);
  await expect(row).toContainText(gestionnaire.email);
  await expect(row).toContainText('⚠');
  await expect(row).toContainText(`a le même nom de domaine (@cfa-admin-${stamp}.fr) que celle de la structure`);
  await expectNoAxeViolations(admin);

  // « Valider »
  await row.getByRole('button', { name: `Valider la demande « ${nom} »` }).click();
  await expect(admin.locator('#demandes-resultat')).toContainText(`La demande d'ajout de « ${nom} » a été validée`);
  await expect(admin.locator('#demandes-resultat')).toBeFocused();
  await expect(rowOf(admin, nom)).toHaveCount(0);
  await expect(admin.getByRole('link', { name: 'Validés (1)' })).toBeVisible();
  const mail = await waitForEmail(gestionnaire.email, `Employeur validé : ${nom}`);
  expect(mail.text).toContain(nom);

  await page.goto('/mes-offres/nouvelle');
  await expect(page.locator('#employeurId option', { hasText: nom })).toHaveCount(1);

  // « Refuser » asks for the reason
  await rowOf(admin, batiment.raisonSociale).getByRole('button', { name: `Refuser la demande « ${batiment.raisonSociale} »` }).click();
  const dialog = admin.getByRole('dialog', { name: 'Refuser la demande' });
  await expect(dialog).toBeVisible();
  const motif = dialog.getByRole('textbox', { name: /Motif du refus/ });
  await expect(motif).toBeFocused();
  await expectNoAxeViolations(admin);
  await dialog.getByRole('button', { name: 'Refuser la demande' }).click();
  await expect(dialog.locator('#motif-refus-error')).toHaveText('Indiquez le motif du refus : il sera communiqué à la structure.');
  await expect(motif).toHaveAttribute('aria-describedby', 'motif-refus-error');
  await expect(motif).toBeFocused();
  expect((await db.structureEmployeur.findFirstOrThrow({ where: { employeurId: batiment.id } })).status).toBe('EN_ATTENTE');
  await motif.fill("L'entreprise n'accueille pas d'apprentis cette année.");
  await dialog.getByRole('button', { name: 'Refuser la demande' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.locator('#demandes-resultat')).toContainText(`La demande d'ajout de « ${batiment.raisonSociale} » a été refusée`);
  await expect(admin.locator('#demandes-resultat')).toBeFocused();
  await waitForEmail(gestionnaire.email, `Employeur refusé : ${batiment.raisonSociale}`);

  await page.goto('/mes-offres/employeurs');
  await expect(rowOf(page, batiment.raisonSociale)).toContainText('Refusé');
  await expect(rowOf(page, batiment.raisonSociale)).toContainText("Motif : L'entreprise n'accueille pas d'apprentis cette année.");

  // « Valider la sélection », one of them decided meanwhile by someone else
  for (const e of [lotA, lotB, lotC]) await admin.getByRole('checkbox', { name: new RegExp(`« ${e.raisonSociale} »`) }).check();
  await admin.getByRole('button', { name: 'Valider la sélection (3)' }).click();
  const bulk = admin.getByRole('dialog', { name: 'Valider la sélection' });
  await expect(bulk).toBeVisible();
  await expect(bulk).toContainText(lotA.raisonSociale);
  await expectNoAxeViolations(admin);
  await db.structureEmployeur.updateMany({ where: { employeurId: lotC.id }, data: { status: 'VALIDE', decidedAt: new Date() } });
  await bulk.getByRole('button', { name: 'Valider les 3 demandes' }).click();
  await expect(bulk).toBeHidden();
  await expect(admin.locator('#demandes-resultat')).toContainText('2 demandes ont été validées');
  await expect(admin.locator('#demandes-resultat')).toContainText(`Cette demande avait déjà été traitée : ${lotC.raisonSociale}.`);
  const statuses = await db.structureEmployeur.findMany({ where: { structureId: structure.id }, select: { status: true } });
  expect(statuses.map((s) => s.status).sort()).toEqual(['REFUSE', 'VALIDE', 'VALIDE', 'VALIDE', 'VALIDE']);
  await expect(admin.getByText('Aucune demande « En attente » ne correspond')).toBeVisible();

  // the decided tabs
  await admin.getByRole('link', { name: 'Refusés (1)' }).click();
  await expect(rowOf(admin, batiment.raisonSociale)).toContainText("L'entreprise n'accueille pas d'apprentis cette année.");
  await expectNoAxeViolations(admin);

  // « Exporter en CSV »
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: /Exporter en CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^demandes-employeurs-refuses-\d{4}-\d{2}-\d{2}\.csv$/);
  const response = await admin.request.get(`${ADMIN}/export?q=${encodeURIComponent(structure.raisonSociale)}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="demandes-employeurs-toutes-/);
  expect(response.headers()['cache-control']).toBe('no-store');
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('Statut;Demandé le;Âge (jours);Employeur;SIRET employeur;Structure;SIRET structure;Demandé par;Alertes;Décidé le;Motif du refus');
  expect(lines).toHaveLength(7); // header, 5 rows, final empty
  const refus = lines.find((l) => l.includes(batiment.raisonSociale))!;
  expect(refus).toContain(`Refusé;`);
  expect(refus).toContain(`;Bâtiment Sud ${stamp};${batiment.siret};${structure.raisonSociale};${structure.siret};`);
  expect(refus).toMatch(/;\d{2}-\d{2}-\d{4} \d{2}:\d{2};/);
  expect(refus.endsWith(";L'entreprise n'accueille pas d'apprentis cette année.")).toBe(true);
  await context.close();
});

test('un candidat, un acteur et un visiteur non connecté sont refusés (page, export, actions)', async ({ page, browser }) => {
  const structure = await createStructure(db, { raisonSociale: `CFA intrus ${Date.now()}` });
  const employeur = await createEmployeur(db, { raisonSociale: `Intouchable ${Date.now()}` });
  const link = await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id, status: 'EN_ATTENTE' });

  // signed out
  await page.goto(ADMIN);
  await expect(page).toHaveURL(/\/connexion/);
  const anonymous = await page.request.get(`${ADMIN}/export`, { maxRedirects: 0 });
  expect([401, 307, 302, 303]).toContain(anonymous.status());
  if (anonymous.status() !== 401) expect(anonymous.headers()['location']).toMatch(/\/connexion/);
  expect(await anonymous.text()).not.toContain('SIRET employeur');

  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('candidat-admin') });
  const acteur = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('g-intrus-admin') });
  for (const email of [candidat.email, acteur.email]) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await signIn(p, email);
    await expect(p.getByTestId('current-user')).toBeVisible();
    expect((await p.goto(ADMIN))?.status()).toBe(403);
    await expect(p.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
    const csv = await p.request.get(`${ADMIN}/export`, { maxRedirects: 0 });
    expect(csv.status()).toBe(403);
    expect(await csv.text()).not.toContain('SIRET employeur');

    const decide = await callServerAction(p, 'lib/actions/admin-employeurs.ts', 'decideEmployeurAction', [link.id, { status: 'VALIDE' }], ADMIN);
    expect(decide.body).not.toContain('"ok":true');
    const refuse = await callServerAction(p, 'lib/actions/admin-employeurs.ts', 'decideEmployeurAction', [link.id, { status: 'REFUSE', motif: 'Intrus' }], ADMIN);
    expect(refuse.body).not.toContain('"ok":true');
    const bulk = await callServerAction(p, 'lib/actions/admin-employeurs.ts', 'validerEmployeursAction', [[link.id]], ADMIN);
    expect(bulk.body).not.toContain('"ok":true');
    await context.close();
  }
  const after = await db.structureEmployeur.findUniqueOrThrow({ where: { id: link.id } });
  expect(after).toMatchObject({ status: 'EN_ATTENTE', decidedById: null, motifRefus: null });
  expect(await db.auditLog.count({ where: { entityId: link.id } })).toBe(0);
});
