import { createPrismaClient } from '@/lib/prisma-client';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { createActeur, createEmployeur, createOffre, createStructure, createUser, linkEmployeur } from '@/tests/factories';
import { callServerAction, expect, expectNoAxeViolations, signIn, test, uniqueEmail, waitForEmail } from './fixtures';

/** « Offres » (/admin/offres): the admin team unpublishes an offer with a reason; nobody else may. */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const ADMIN = '/admin/offres';

async function freshOffre() {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const structure = await createStructure(db, { raisonSociale: `Lycée Éole ${stamp}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('g-admin-offres') });
  const employeur = await createEmployeur(db, { raisonSociale: `Menuiserie ${stamp}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id, status: 'VALIDE' });
  const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: gestionnaire.id });
  return { stamp, structure, gestionnaire, offre };
}

test('« Dépublier » avec motif → offre retirée du site (410), référent prévenu ; export CSV', async ({ page }) => {
  test.setTimeout(90_000);
  const { stamp, structure, gestionnaire, offre } = await freshOffre();
  expect((await page.goto(`/offres/${offre.numero}`))?.status()).toBe(200);

  await signIn(page, DEMO_ACCOUNTS.admin);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.goto(`${ADMIN}?q=${encodeURIComponent(`lycee eole ${stamp}`)}&statut=en-cours`);
  await expect(page.getByRole('heading', { level: 1, name: 'Offres' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('1 offre.');
  await expectNoAxeViolations(page);
  const numero = String(offre.numero).padStart(10, '0');
  await page.getByRole('button', { name: `Dépublier l'offre ${numero}` }).click();
  const dialog = page.getByRole('dialog', { name: "Dépublier l'offre" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: "Dépublier l'offre" }).click();
  await expect(dialog.getByText('Indiquez le motif : il sera communiqué à la structure.')).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('textbox', { name: /^Motif de la dépublication/ }).fill('Offre hors champ de l’alternance.');
  await dialog.getByRole('button', { name: "Dépublier l'offre" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('#offres-resultat')).toContainText(`(${numero}) a été dépubliée`);
  await expect(page.locator('#offres-resultat')).toBeFocused();
  await waitForEmail(gestionnaire.email, 'Offre dépubliée');
  expect(await db.offre.findUniqueOrThrow({ where: { id: offre.id } })).toMatchObject({ status: 'ARCHIVEE', motifDepublication: 'Offre hors champ de l’alternance.' });

  const csv = await page.request.get(`${ADMIN}/export?q=${encodeURIComponent(structure.raisonSociale)}`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.body()).toString('utf8').slice(1).split('\r\n');
  expect(lines[0]).toBe('Numéro;Métier;Statut;Employeur;Structure;Commune;Publiée le;Archivée le;Candidatures;Motif de dépublication');
  expect(lines[1]).toContain(`${numero};Carreleur / Carreleuse mosaïste;Archivée;Menuiserie ${stamp};Lycée Éole ${stamp};33100 Bordeaux;`);
  expect(lines[1]!.endsWith(';0;Offre hors champ de l’alternance.')).toBe(true);

  const anonymous = await page.context().browser()!.newContext();
  const visitor = await anonymous.newPage();
  expect((await visitor.goto(`/offres/${offre.numero}`))?.status()).toBe(410);
  await anonymous.close();
});

test('un candidat et un acteur sont refusés (page, export, action)', async ({ browser }) => {
  const { offre } = await freshOffre();
  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('candidat-admin-offres') });
  const intrus = await createStructure(db, { raisonSociale: `CFA intrus ${Date.now()}` });
  const acteur = await createActeur(db, intrus.id, 'GESTIONNAIRE', { email: uniqueEmail('g-intrus-offres') });
  for (const email of [candidat.email, acteur.email]) {
    const context = await browser.newContext();
    const p = await context.newPage();
    await signIn(p, email);
    await expect(p.getByTestId('current-user')).toBeVisible();
    expect((await p.goto(ADMIN))?.status()).toBe(403);
    const csv = await p.request.get(`${ADMIN}/export`, { maxRedirects: 0 });
    expect(csv.status()).toBe(403);
    const forged = await callServerAction(p, 'lib/actions/admin-offres.ts', 'depublierOffreAction', [{ numero: offre.numero, motif: 'Intrus' }], ADMIN);
    expect(forged.body).not.toContain('"ok":true');
    await context.close();
  }
  expect((await db.offre.findUniqueOrThrow({ where: { id: offre.id } })).status).toBe('EN_COURS');
});
