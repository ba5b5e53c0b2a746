import type { Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { PROFIL_MESSAGES } from '@/lib/validations/profils-contact';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { COUVREUR, CARRELEUR, createActeur, createProjet, createStructure, createUser } from '@/tests/factories';
import { callServerAction, expect, expectNoAxeViolations, signIn, signOut, test, uniqueEmail, waitForEmail } from './fixtures';

/**
 * « Détail projet », « Profils favoris » and « CONTACTER CE PROFIL » end to end: staff read a
 * consenting candidate's project without his name, e-mail or phone; the heart fills each user's own
 * « Projets favoris » (counted in correct French), ✖ removes with the focus kept in the list; a
 * message reaches the candidate by e-mail, in « Mes messages » and in his notifications. Hidden
 * projects are a 404, candidates get 403, and forged action calls change nothing.
 *
 * The favourites and the messages are written by fresh users (tests/factories) so that the demo
 * accounts' counts, which other specs read, never change.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const CFA = 'CFA du Bâtiment de la Gironde';
const ACTIONS = 'lib/actions/profils.ts';
const padProjet = (n: number) => String(n).padStart(9, '0');
const padProfil = (n: number) => String(n).padStart(10, '0');

/** Léa's visible carreleur project and Théo's hidden one (prisma/seed.ts). */
async function seededProjets() {
  const lea = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.candidat }, select: { id: true, numero: true, email: true, telephone: true, prenom: true, nom: true } });
  const carreleur = await db.projet.findFirstOrThrow({ where: { candidatId: lea.id, metier: CARRELEUR.metier, visible: true }, select: { id: true, numero: true } });
  const cache = await db.projet.findFirstOrThrow({
    where: { candidat: { email: 'theo.candidat@exemple.test' }, metier: CARRELEUR.metier, visible: false },
    select: { id: true, numero: true },
  });
  return { lea, carreleur, cache };
}

/** A fresh structure with a gestionnaire and a utilisateur. */
async function freshStructure() {
  const structure = await createStructure(db, { raisonSociale: `CFA Favoris ${Date.now()}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('fav-g') });
  const utilisateur = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('fav-u') });
  return { structure, gestionnaire, utilisateur };
}

/** A fresh candidate (demo password) with a visible couvreur project. */
async function freshCandidat() {
  const user = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('contacte'), prenom: 'Inès', nom: 'Contactée', telephone: '0677889900' });
  const projet = await createProjet(db, {
    candidatId: user.id,
    metier: COUVREUR,
    types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
    diplomeIntitule: 'CAP couvreur',
    niveau: 3,
    dureeAnnees: 1,
    zoneRegion: true,
    departements: [],
  });
  return { user, projet };
}

const heart = (page: Page) => page.getByRole('button', { name: /^(Ajouter aux|Retirer des) favoris$/ });
const total = (page: Page) => page.getByTestId('favoris-total');
const favoris = (page: Page) => page.getByRole('list', { name: 'Projets favoris' });
/** Clicks the heart and waits for the server's answer (the pressed state alone is optimistic). */
async function addFavori(page: Page) {
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'false');
  await heart(page).click();
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: PROFIL_MESSAGES.favoriAjoute })).toBeVisible();
}
const retirer = (page: Page, numero: number) => page.getByRole('button', { name: `Retirer le projet ${padProjet(numero)} des favoris` });

test('« Détail projet » : les rubriques du guide, le PROFIL, jamais l’identité ni les coordonnées du candidat', async ({ page, loginAs }) => {
  const { lea, carreleur } = await seededProjets();
  await loginAs('gestionnaire');
  await page.goto(`/mon-espace/profils/${carreleur.numero}`);

  await expect(page.getByRole('heading', { level: 1, name: 'Détail projet' })).toBeVisible();
  const crumbs = page.getByRole('navigation', { name: "Fil d'Ariane" });
  await expect(crumbs.getByRole('link', { name: 'Recherche de profils' })).toHaveAttribute('href', '/mon-espace/profils');

  const projet = page.getByRole('article', { name: /Carreleur/i });
  await expect(projet.getByText(`PROJET ${padProjet(carreleur.numero)}`, { exact: true })).toBeVisible();
  await expect(projet.getByText(`PROFIL ${padProfil(lea.numero)}`, { exact: true })).toBeVisible();
  const metier = projet.getByRole('heading', { level: 2, name: CARRELEUR.metier });
  await expect(metier).toHaveCSS('text-transform', 'uppercase');

  const item = (label: string) => projet.locator('dl > div').filter({ has: page.locator('dt', { hasText: label }) }).locator('dd');
  await expect(item('Numéro')).toHaveText(padProjet(carreleur.numero));
  await expect(item("Type d'alternance recherchée")).toHaveText("Contrat d'apprentissage");
  await expect(item('Intitulé diplôme')).toContainText(/carreleur mosa/i);
  await expect(item('Intitulé diplôme')).toContainText('(Niveau CAP, BEP)');
  await expect(item("Durée de l'alternance")).toHaveText('2 années');
  await expect(item('Département')).toHaveText('Gironde');
  await expect(projet.getByRole('heading', { name: 'Formations déjà suivies :' })).toBeVisible();
  await expect(projet.getByText('Diplôme national du brevet (Validé) en 2025', { exact: true })).toBeVisible();
  await expect(projet.getByRole('heading', { name: 'Expériences :' })).toBeVisible();
  await expect(
    projet.getByText('Stage : Stage de découverte - Carrelages Aquitains - 1 semaine(s) / 5 jour(s) (Préparation des supports, découpe, jointoiement)', { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Contacter ce profil' })).toHaveAttribute('aria-expanded', 'false');

  // nothing that identifies Léa or reaches her directly
  const html = await page.content();
  for (const secret of [lea.email, lea.telephone!, lea.prenom, lea.nom]) expect(html, secret).not.toContain(secret);

  await expectNoAxeViolations(page);
});

test('le cœur remplit « Projets favoris » de chacun ; ✖ retire, avec le bon compte et le focus dans la liste', async ({ page }) => {
  const { carreleur } = await seededProjets();
  const { gestionnaire, utilisateur } = await freshStructure();
  const autre = await freshCandidat();

  await signIn(page, gestionnaire.email);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto('/mon-espace/favoris');
  await expect(page.getByRole('heading', { level: 1, name: 'Projets favoris' })).toBeVisible();
  await expect(total(page)).toHaveText('Aucun projet favori');
  await expect(page.getByRole('link', { name: 'Rechercher des profils' }).last()).toHaveAttribute('href', '/mon-espace/profils');
  await expectNoAxeViolations(page);

  // the heart: a toggle button whose state is said
  await page.goto(`/mon-espace/profils/${carreleur.numero}`);
  await expect(heart(page)).toHaveAccessibleName('Ajouter aux favoris');
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'false');
  await heart(page).click();
  await expect(heart(page)).toHaveAccessibleName('Retirer des favoris');
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: PROFIL_MESSAGES.favoriAjoute })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'true');

  await page.goto(`/mon-espace/profils/${autre.projet.numero}`);
  await addFavori(page);

  // « Projets favoris »: 2 projets, the latest first, as the guide's cards
  await page.getByRole('link', { name: 'Voir mes profils favoris' }).click();
  await expect(page).toHaveURL(/\/mon-espace\/favoris$/);
  await expect(total(page)).toHaveText('2 projets');
  const cards = favoris(page).getByRole('listitem');
  await expect(cards).toHaveCount(2);
  const first = cards.first();
  await expect(first.getByText(`PROJET ${padProjet(autre.projet.numero)}`, { exact: true })).toBeVisible();
  await expect(first.getByRole('heading', { level: 2, name: COUVREUR.metier })).toHaveCSS('text-transform', 'uppercase');
  await expect(first).toContainText("Type de contrat : Contrat d'apprentissage, Contrat de professionnalisation");
  await expect(first).toContainText('Niveau : Niveau CAP, BEP');
  await expect(first).toContainText('Diplôme : CAP couvreur');
  await expect(first.getByRole('link', { name: `Détails du projet ${padProjet(autre.projet.numero)}` })).toHaveAttribute('href', `/mon-espace/profils/${autre.projet.numero}`);
  await expectNoAxeViolations(page);

  // ✖ on the first card: « 1 projet », focus on the ✖ of the card that took its place
  await retirer(page, autre.projet.numero).click();
  await expect(total(page)).toHaveText('1 projet');
  await expect(page.getByRole('status').filter({ hasText: `Le projet ${padProjet(autre.projet.numero)} a été retiré de vos favoris.` })).toBeVisible();
  await expect(retirer(page, carreleur.numero)).toBeFocused();
  // « Annuler » puts it back
  await page.getByRole('button', { name: /^Annuler/ }).click();
  await expect(total(page)).toHaveText('2 projets');
  await expect(retirer(page, autre.projet.numero)).toBeFocused();
  // the last card removed: the focus goes back to the previous card's ✖
  await retirer(page, carreleur.numero).click();
  await expect(total(page)).toHaveText('1 projet');
  await expect(retirer(page, autre.projet.numero)).toBeFocused();
  await retirer(page, autre.projet.numero).click();
  await expect(total(page)).toHaveText('Aucun projet favori');
  await expect(page.locator('#favoris-message')).toBeFocused();
  await expect(page.locator('#favoris-message')).toContainText('retiré de vos favoris');
  expect(await db.favori.count({ where: { userId: gestionnaire.id } })).toBe(0);

  // the utilisateur of the same structure has his own favourites
  await page.goto(`/mon-espace/profils/${carreleur.numero}`);
  await addFavori(page);
  await signOut(page);
  await signIn(page, utilisateur.email);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto(`/mon-espace/profils/${carreleur.numero}`);
  await expect(heart(page)).toHaveAttribute('aria-pressed', 'false');
  await page.goto('/mon-espace/favoris');
  await expect(total(page)).toHaveText('Aucun projet favori');
  await page.goto(`/mon-espace/profils/${autre.projet.numero}`);
  await addFavori(page);
  await page.goto('/mon-espace/favoris');
  await expect(total(page)).toHaveText('1 projet');
  await expect(favoris(page).getByRole('listitem')).toHaveCount(1);
  await expect(favoris(page)).toContainText(`PROJET ${padProjet(autre.projet.numero)}`);
  // and the gestionnaire's one is still his alone
  expect((await db.favori.findMany({ where: { userId: gestionnaire.id }, select: { projetId: true } })).map((f) => f.projetId)).toEqual([carreleur.id]);

  // a candidate who hides his project takes it out of everyone's favourites (the row stays)
  await db.projet.update({ where: { id: autre.projet.id }, data: { visible: false } });
  await page.reload();
  await expect(total(page)).toHaveText('Aucun projet favori');
});

test('« CONTACTER CE PROFIL » : le candidat reçoit un e-mail, lit le message dans « Mes messages » et en est notifié', async ({ page, loginAs }) => {
  const c = await freshCandidat();
  const message = `Bonjour, votre projet de couvreur nous intéresse. Écrivez-nous : recrutement@cfa-batiment-gironde.test (${Date.now()})`;
  await loginAs('gestionnaire');
  await page.goto(`/mon-espace/profils/${c.projet.numero}`);

  const open = page.getByRole('button', { name: 'Contacter ce profil' });
  await open.click();
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  const textarea = page.getByRole('textbox', { name: 'Ecrivez votre message.', exact: true });
  await expect(textarea).toBeFocused();
  // the guide's warning: the candidate does not have the structure's contact details
  await expect(page.getByText("ATTENTION : n'oubliez pas d'indiquer un email de contact ou un n° de téléphone si vous souhaitez être recontacté par le candidat")).toBeVisible();

  // nothing typed: the message says so next to the field
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByText(PROFIL_MESSAGES.message, { exact: true })).toBeVisible();
  await expect(textarea).toBeFocused();
  await expect(textarea).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await textarea.fill(message);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  const sent = page.getByRole('status').filter({ hasText: PROFIL_MESSAGES.envoye });
  await expect(sent).toBeVisible();
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('contacts-structure')).toContainText('Votre structure a déjà écrit à ce candidat');
  await expectNoAxeViolations(page);

  const email = await waitForEmail(c.user.email, 'vous a écrit au sujet de votre projet');
  expect(email.subject).toContain(CFA);
  expect(email.text).toContain(message);
  expect(email.text).toContain('/candidat/messages');

  // the candidate: « Mes messages » (in his menu) and an unread notification
  await signOut(page);
  await signIn(page, c.user.email);
  await expect(page).toHaveURL(/\/candidat$/);
  await page.goto('/candidat/messages');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes messages' })).toBeVisible();
  await expect(page.getByText(/Vous ne pouvez pas leur répondre sur CMonAlternance/)).toBeVisible();
  const messages = page.getByRole('list', { name: 'Mes messages' }).getByRole('listitem');
  await expect(messages).toHaveCount(1);
  await expect(messages.first().getByRole('heading', { level: 2, name: CFA })).toBeVisible();
  await expect(messages.first()).toContainText(message);
  await expect(messages.first()).toContainText(`PROJET ${padProjet(c.projet.numero)}`);
  await expectNoAxeViolations(page);

  await page.goto('/notifications');
  const notification = page.getByRole('list', { name: 'Mes notifications' }).getByRole('listitem');
  await expect(notification).toHaveCount(1);
  await expect(notification.getByText('Non lue', { exact: true })).toBeVisible();
  await notification.getByRole('link', { name: `${CFA} vous a écrit au sujet de votre projet ${COUVREUR.metier}` }).click();
  await expect(page).toHaveURL(/\/candidat\/messages$/);
  // « Mes messages » is in his menu
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('button', { name: 'Mon espace candidat' }).click();
  await expect(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Mes messages' })).toHaveAttribute('aria-current', 'page');
});

test('projet caché ou inconnu : 404 ; candidat : 403 ; appels forgés refusés et sans effet', async ({ page, loginAs }) => {
  const { carreleur, cache } = await seededProjets();
  await loginAs('gestionnaire');
  const gestionnaire = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.gestionnaire }, select: { id: true } });

  for (const path of [`/mon-espace/profils/${cache.numero}`, '/mon-espace/profils/2000000000', '/mon-espace/profils/abc']) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  expect((await page.goto('/candidat/messages'))?.status()).toBe(403);

  // forged calls on the hidden project: refused, nothing written
  const via = `/mon-espace/profils/${carreleur.numero}`;
  const toggle = await callServerAction(page, ACTIONS, 'toggleFavoriAction', [cache.numero, true], via);
  expect(toggle.body).toContain('"ok":false');
  expect(toggle.body).toContain(PROFIL_MESSAGES.introuvable);
  expect(await db.favori.count({ where: { userId: gestionnaire.id, projetId: cache.id } })).toBe(0);
  const contact = await callServerAction(page, ACTIONS, 'contactProfilAction', [cache.numero, { message: 'Bonjour' }], via);
  expect(contact.body).toContain('"ok":false');
  expect(await db.message.count({ where: { projetId: cache.id } })).toBe(0);
  const bad = await callServerAction(page, ACTIONS, 'toggleFavoriAction', [carreleur.numero, 'oui'], via);
  expect(bad.body).toContain(PROFIL_MESSAGES.favori);

  // a candidate: 403 on the pages, and the actions refuse him
  await signOut(page);
  await loginAs('candidat');
  for (const path of [via, '/mon-espace/favoris']) expect((await page.goto(path))?.status(), path).toBe(403);
  const lea = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.candidat }, select: { id: true } });
  const forged = await callServerAction(page, ACTIONS, 'toggleFavoriAction', [carreleur.numero, true], via);
  expect(forged.status).not.toBe(200);
  expect(forged.body).not.toContain('"ok":true');
  expect(await db.favori.count({ where: { userId: lea.id } })).toBe(0);
  const forgedContact = await callServerAction(page, ACTIONS, 'contactProfilAction', [carreleur.numero, { message: 'Bonjour' }], via);
  expect(forgedContact.status).not.toBe(200);
  expect(await db.message.count({ where: { fromUserId: lea.id } })).toBe(0);

  // his own messages page, in his menu
  await page.goto('/candidat/messages');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes messages' })).toBeVisible();
  await expectNoAxeViolations(page);
});
