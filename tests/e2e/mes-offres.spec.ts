import type { Locator, Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import {
  COUVREUR,
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
 * « Mes offres — Suivi de mes offres »: fresh structures and offers from the factories (the demo
 * data stays intact), the cards as the guide shows them, the status changes with their
 * confirmation, and the scoping to the structure.
 */
const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const pad = (n: number) => String(n).padStart(10, '0');
const ACTIONS = 'lib/actions/mes-offres.ts';

async function freshStructure() {
  const tag = `${Date.now()}-${Math.floor(Math.random() * 1e4)}`;
  const structure = await createStructure(db, { raisonSociale: `CFA e2e offres ${tag}` });
  const g = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('mo-g'), prenom: 'Gaston', nom: 'Gère' });
  const u = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('mo-u'), prenom: 'Ursule', nom: 'Util' });
  const employeur = await createEmployeur(db, { raisonSociale: `Carrelages E2E ${tag}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const now = Date.now();
  const carreleur = await createOffre(db, {
    structureId: structure.id,
    employeurId: employeur.id,
    referentId: u.id,
    commune: 'Bordeaux',
    dateEmbauche: new Date('2027-09-01'),
    publishedAt: new Date(now - 60_000),
    diplomes: [
      { intitule: 'CAP carreleur mosaïste', niveau: 3 },
      { intitule: 'CAP maçon', niveau: 3 },
      { intitule: 'BP carreleur mosaïste', niveau: 4 },
    ],
  });
  const couvreur = await createOffre(db, {
    structureId: structure.id,
    employeurId: employeur.id,
    referentId: g.id,
    metier: COUVREUR,
    commune: 'Pessac',
    publishedAt: new Date(now - 120_000),
  });
  const pourvue = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: g.id, status: 'POURVUE' });
  for (let i = 0; i < 2; i++) {
    const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('mo-cand') });
    const projet = await createProjet(db, { candidatId: candidat.id });
    await createCandidature(db, { offreId: carreleur.id, candidatId: candidat.id, projetId: projet.id });
  }
  return { structure, g, u, employeur, carreleur, couvreur, pourvue };
}

async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByTestId('current-user')).toBeVisible();
}

function tab(page: Page, label: 'En cours' | 'Pourvues' | 'Archivées') {
  return page.getByRole('navigation', { name: 'Mes offres par statut' }).getByRole('link', { name: new RegExp(`^${label}`) });
}

async function expectCounts(page: Page, counts: [number, number, number]) {
  await expect(tab(page, 'En cours')).toContainText(String(counts[0]));
  await expect(tab(page, 'Pourvues')).toContainText(String(counts[1]));
  await expect(tab(page, 'Archivées')).toContainText(String(counts[2]));
}

function card(page: Page, numero: number): Locator {
  return page.getByRole('article', { name: new RegExp(`OFFRE ${pad(numero)}`) });
}

async function status(id: string) {
  return (await db.offre.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

async function expectNoHorizontalScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

test('les onglets, leurs nombres et les cartes comme dans le guide ; axe sur chaque onglet', async ({ page }) => {
  const s = await freshStructure();
  await signInAs(page, s.u.email);
  await page.goto('/mes-offres');
  await expect(page.getByRole('heading', { level: 1, name: 'Suivi de mes offres' })).toBeVisible();
  const create = page.getByRole('link', { name: "Création d'une nouvelle offre" });
  await expect(create).toHaveAttribute('href', '/mes-offres/nouvelle');
  await expect(create).toHaveCSS('text-transform', 'uppercase');

  await expect(tab(page, 'En cours')).toHaveAttribute('aria-current', 'page');
  await expect(tab(page, 'En cours')).toHaveAttribute('href', '/mes-offres?statut=en-cours');
  await expect(tab(page, 'Pourvues')).not.toHaveAttribute('aria-current', /.*/);
  await expectCounts(page, [2, 1, 0]);
  await expect(page.getByText('"En cours" : les offres publiées et d\'actualité. Les candidats peuvent les consulter sur le site et postuler.')).toBeVisible();
  await expect(page.getByText('"Pourvues" : les offres que vous avez publiées et qui ont été pourvues.')).toBeVisible();
  await expect(
    page.getByText('"Archivées" : les offres qui ont été publiées et qui ne sont plus d\'actualité (recrutement interrompu, offres de plus de 6 mois...).'),
  ).toBeVisible();
  await expect(page.getByText('Vous pouvez modifier le statut de vos offres à tout moment.')).toBeVisible();

  // most recently published first
  const list = page.getByRole('list', { name: 'Offres en cours' });
  await expect(list.getByRole('article')).toHaveCount(2);
  await expect(list.getByRole('article').first()).toHaveAccessibleName(new RegExp(`OFFRE ${pad(s.carreleur.numero)}`));

  const c = card(page, s.carreleur.numero);
  await expect(c).toContainText(`OFFRE ${pad(s.carreleur.numero)} ● Offre en cours`);
  const metier = c.getByRole('heading', { level: 3, name: 'Carreleur / Carreleuse mosaïste' });
  await expect(metier).toHaveCSS('text-transform', 'uppercase');
  await expect(c).toContainText(`Entreprise : ${(await db.employeur.findUniqueOrThrow({ where: { id: s.employeur.id } })).raisonSociale}`);
  await expect(c).toContainText('Référent : Ursule Util');
  await expect(c).toContainText('Lieu de travail : Bordeaux');
  await expect(c).toContainText("Date prévue d'embauche : 01-09-2027");
  await expect(c).toContainText('Niveau(x) Préparé(s) : Niveau CAP, BEP ; Niveau Bac');
  await expect(c).toContainText('2 candidatures');
  await expect(c.getByRole('link', { name: /^Détails/ })).toHaveAttribute('href', `/mes-offres/${s.carreleur.numero}`);
  await expect(c.getByRole('link', { name: /^Modifier/ })).toHaveAttribute('href', `/mes-offres/${s.carreleur.numero}/modifier`);
  await expect(c.getByRole('button', { name: /^Pourvue/ })).toHaveText(/Pourvue/);
  await expect(c.getByRole('button', { name: /^Archiver/ })).toBeVisible();
  await expect(c.getByRole('button', { name: /^Remettre en cours/ })).toHaveCount(0);
  await expect(card(page, s.couvreur.numero)).toContainText('0 candidature');
  await expect(card(page, s.couvreur.numero)).toContainText('Référent : Gaston Gère');
  await expectNoAxeViolations(page);

  await tab(page, 'Pourvues').click();
  await expect(page).toHaveURL(/\/mes-offres\?statut=pourvues$/);
  await expect(tab(page, 'Pourvues')).toHaveAttribute('aria-current', 'page');
  const p = card(page, s.pourvue.numero);
  await expect(p).toContainText(`OFFRE ${pad(s.pourvue.numero)} ● Offre pourvue`);
  await expect(p.getByRole('button', { name: /^Archiver/ })).toBeVisible();
  await expect(p.getByRole('button', { name: /^Remettre en cours/ })).toBeVisible();
  await expect(p.getByRole('button', { name: /^Pourvue/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await tab(page, 'Archivées').click();
  await expect(tab(page, 'Archivées')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText("Vous n'avez aucune offre archivée.")).toBeVisible();
  await expectNoAxeViolations(page);
});

test('« POURVUE », « ARCHIVER », « Remettre en cours » avec confirmation ; « Annuler » ne change rien', async ({ page }) => {
  const s = await freshStructure();
  await signInAs(page, s.g.email);
  await page.goto('/mes-offres');
  const c = card(page, s.carreleur.numero);

  // cancel: nothing changes, focus goes back to the button
  const pourvueButton = c.getByRole('button', { name: /^Pourvue/ });
  await pourvueButton.click();
  const dialog = page.getByRole('dialog', { name: 'Marquer cette offre comme pourvue ?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`OFFRE ${pad(s.carreleur.numero)}`);
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await expect(pourvueButton).toBeFocused();
  await pourvueButton.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await status(s.carreleur.id)).toBe('EN_COURS');
  await expectCounts(page, [2, 1, 0]);

  // confirm « POURVUE »: the offer moves to « Pourvues »
  await pourvueButton.click();
  await dialog.getByRole('button', { name: 'Confirmer : offre pourvue' }).click();
  const message = page.locator('#mes-offres-message');
  await expect(message).toContainText(`L'offre ${pad(s.carreleur.numero)} est maintenant pourvue`);
  await expect(message).toBeFocused();
  await expect(c).toHaveCount(0);
  await expectCounts(page, [1, 2, 0]);
  expect(await status(s.carreleur.id)).toBe('POURVUE');

  // « ARCHIVER » the other one
  await card(page, s.couvreur.numero).getByRole('button', { name: /^Archiver/ }).click();
  const archive = page.getByRole('dialog', { name: 'Archiver cette offre ?' });
  await archive.getByRole('button', { name: "Confirmer l'archivage" }).click();
  await expect(message).toContainText('est maintenant archivée');
  await expect(page.getByText("Vous n'avez aucune offre en cours.", { exact: false })).toBeVisible();
  await expectCounts(page, [0, 2, 1]);
  expect(await status(s.couvreur.id)).toBe('ARCHIVEE');

  // « Remettre en cours » from « Pourvues »
  await tab(page, 'Pourvues').click();
  await expect(tab(page, 'Pourvues')).toHaveAttribute('aria-current', 'page');
  await card(page, s.carreleur.numero).getByRole('button', { name: /^Remettre en cours/ }).click();
  const back = page.getByRole('dialog', { name: 'Remettre cette offre en cours ?' });
  await expectNoAxeViolations(page);
  await back.getByRole('button', { name: 'Confirmer la remise en cours' }).click();
  await expect(message).toContainText('est de nouveau en cours');
  await expectCounts(page, [1, 1, 1]);
  expect(await status(s.carreleur.id)).toBe('EN_COURS');

  // an archived offer: no status button, the guide's note on reactivation
  await tab(page, 'Archivées').click();
  const archived = card(page, s.couvreur.numero);
  await expect(archived).toContainText(`OFFRE ${pad(s.couvreur.numero)} ● Offre archivée`);
  await expect(archived).toContainText(
    "Si vous avez archivé une offre et que vous souhaitez la réactiver, il vous suffit de l'ouvrir et de l'enregistrer de nouveau.",
  );
  await expect(archived.getByRole('button')).toHaveCount(0);
  await expect(archived.getByRole('link', { name: /^Modifier/ })).toHaveAttribute('href', `/mes-offres/${s.couvreur.numero}/modifier`);

  const audits = await db.auditLog.findMany({ where: { entityId: { in: [s.carreleur.id, s.couvreur.id] }, action: 'offre.statut' } });
  expect(audits).toHaveLength(3);
  expect(audits.every((a) => a.actorId === s.g.id)).toBe(true);
});

test('le membre d’une autre structure ne voit pas ces offres et ne peut pas en changer le statut, même en forgeant l’appel', async ({ page }) => {
  const s = await freshStructure();
  const other = await createStructure(db, { raisonSociale: `Autre structure ${Date.now()}` });
  const intrus = await createActeur(db, other.id, 'GESTIONNAIRE', { email: uniqueEmail('mo-intrus') });
  await signInAs(page, intrus.email);
  for (const statut of ['en-cours', 'pourvues', 'archivees']) {
    await page.goto(`/mes-offres?statut=${statut}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Suivi de mes offres' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText(pad(s.carreleur.numero));
    await expect(page.locator('main')).not.toContainText(pad(s.pourvue.numero));
  }
  await expectCounts(page, [0, 0, 0]);

  for (const [numero, target] of [
    [s.carreleur.numero, 'POURVUE'],
    [s.carreleur.numero, 'ARCHIVEE'],
    [s.pourvue.numero, 'EN_COURS'],
  ] as const) {
    const result = await callServerAction(page, ACTIONS, 'setOffreStatusAction', [{ numero, status: target }], '/mes-offres');
    expect(result.body, target).toContain('"ok":false');
    expect(result.body, target).toContain('Cette offre est introuvable dans votre structure.');
  }
  expect(await status(s.carreleur.id)).toBe('EN_COURS');
  expect(await status(s.pourvue.id)).toBe('POURVUE');
  expect(await db.auditLog.count({ where: { entityId: { in: [s.carreleur.id, s.pourvue.id] }, action: 'offre.statut' } })).toBe(0);

  // a candidate calling the action is refused by the guard
  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('mo-cand-intrus') });
  await page.context().clearCookies();
  await signInAs(page, candidat.email);
  const forged = await callServerAction(page, ACTIONS, 'setOffreStatusAction', [{ numero: s.carreleur.numero, status: 'POURVUE' }], '/mes-offres');
  expect(forged.body).not.toContain('"ok":true');
  expect(await status(s.carreleur.id)).toBe('EN_COURS');
});

test('pagination par 20, accessible', async ({ page }) => {
  const structure = await createStructure(db, { raisonSociale: `CFA e2e pagination ${Date.now()}` });
  const g = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('mo-page') });
  const employeur = await createEmployeur(db);
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const now = Date.now();
  const offres = [];
  for (let i = 0; i < 21; i++) offres.push(await createOffre(db, { structureId: structure.id, employeurId: employeur.id, publishedAt: new Date(now - i * 60_000) }));
  await signInAs(page, g.email);
  await page.goto('/mes-offres');
  const list = page.getByRole('list', { name: 'Offres en cours' });
  await expect(list.getByRole('article')).toHaveCount(20);
  const nav = page.getByRole('navigation', { name: 'Pagination' });
  await expect(nav.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Page suivante' }).click();
  await expect(page).toHaveURL(/\/mes-offres\?statut=en-cours&page=2$/);
  await expect(list.getByRole('article')).toHaveCount(1);
  await expect(list.getByRole('article')).toHaveAccessibleName(new RegExp(`OFFRE ${pad(offres[20]!.numero)}`));
  await expect(nav.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await expectNoAxeViolations(page);
  // a page past the end goes to the last one
  await page.goto('/mes-offres?statut=en-cours&page=9');
  await expect(page).toHaveURL(/page=2$/);
});

test('à 360 px de large, aucun défilement horizontal (onglets, cartes, confirmation)', async ({ page }) => {
  const s = await freshStructure();
  await page.setViewportSize({ width: 360, height: 740 });
  await signInAs(page, s.g.email);
  for (const statut of ['en-cours', 'pourvues', 'archivees']) {
    await page.goto(`/mes-offres?statut=${statut}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Suivi de mes offres' })).toBeVisible();
    await expectNoHorizontalScroll(page);
  }
  await page.goto('/mes-offres');
  await card(page, s.carreleur.numero).getByRole('button', { name: /^Archiver/ }).click();
  await expect(page.getByRole('dialog', { name: 'Archiver cette offre ?' })).toBeVisible();
  await expectNoHorizontalScroll(page);
});
