import type { Locator, Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { CARRELEUR, COUVREUR, createActeur, createCandidature, createEmployeur, createProjet, createStructure, createUser, linkEmployeur } from '@/tests/factories';
import { expect, expectFocusOnFirstError, newEntrepriseInDirectory, signIn, test, uniqueEmail } from './fixtures';

/**
 * Keyboard-only journeys (RGAA 7.3, 10.7, 12.7, 12.8): the skip link, then « create a structure »,
 * « create an offer », « answer an application » and « apply to an offer » with page.keyboard only
 * — Tab / Shift+Tab to reach a control, typing, Espace, flèches, Entrée, Échap. Signing in (the
 * setup, proven elsewhere) and opening a page by its address are the only non-keyboard steps.
 * On the way: every control reached shows a visible focus indicator, a failed submit puts focus on
 * the first field in error, the « Répondre » dialog takes the focus, keeps it (Tab trapped) and
 * gives it back to its opener on Échap.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const CFA = 'CFA du Bâtiment de la Gironde';

/** The focused element shows a focus indicator: an outline or a box-shadow (RGAA 10.7). */
async function expectVisibleFocus(page: Page) {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { tag: el.tagName, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none' };
  });
  expect(style, 'un élément a le focus').not.toBeNull();
  expect(style!.outline || style!.shadow, `indicateur de focus visible sur ${style!.tag}`).toBe(true);
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; every stop on the way must show it. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      await expectVisibleFocus(page);
      return;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} non atteint en ${max} appuis sur Tab`);
}

/** Tabs to a text field and types into it. */
async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** In a combobox reached by Tab: types, walks the options with ↓ until `option`, presses Entrée. */
async function chooseInCombobox(page: Page, combobox: Locator, text: string, option: string) {
  await tabTo(page, combobox);
  await page.keyboard.type(text, { delay: 20 });
  await expect(page.getByRole('option', { name: option }).first()).toBeVisible();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('ArrowDown');
    const active = await combobox.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`[id="${active}"]`).textContent())?.startsWith(option)) {
      await page.keyboard.press('Enter');
      await expect(combobox).toHaveAttribute('aria-expanded', 'false');
      return;
    }
  }
  throw new Error(`option « ${option} » introuvable au clavier`);
}

const box = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/**
 * A hiring date typed in the date field: the 9th of September next year. Day and month are equal,
 * so the digits read the same whatever order the browser's date field uses (jj/mm/aaaa or mm/dd/yyyy).
 */
function nextSeptember9(): { iso: string; typed: string } {
  const year = new Date().getFullYear() + 1;
  return { iso: `${year}-09-09`, typed: `0909${year}` };
}

test('« Aller au contenu » : premier arrêt de Tab, visible, il amène le focus sur le contenu', async ({ page }) => {
  for (const path of ['/', '/offres']) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    await expect(skip).toBeFocused();
    await expectVisibleFocus(page);
    const box = await skip.boundingBox();
    expect(box && box.width > 20 && box.height > 10, 'le lien est visible quand il a le focus').toBe(true);
    expect(await skip.evaluate((el) => getComputedStyle(el).clip)).not.toBe('rect(0px, 0px, 0px, 0px)');
    await page.keyboard.press('Enter');
    await expect(page.locator('main#contenu')).toBeFocused();
    // the next Tab starts from the content, not from the header
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  }
});

test('créer sa structure au clavier', async ({ page }) => {
  const { siret, nom } = await newEntrepriseInDirectory('CFA CLAVIER');
  const user = await createUser(db, { role: 'ACTEUR', email: uniqueEmail('rgaa-structure'), prenom: 'Clara', nom: 'Clavier' });
  await signIn(page, user.email);
  await expect(page).toHaveURL(/\/mon-compte\/structure$/);

  // « Valider » on the empty form: focus on the first field in error
  await tabTo(page, page.getByRole('button', { name: 'Valider' }));
  await page.keyboard.press('Enter');
  await expectFocusOnFirstError(page);
  await expectVisibleFocus(page);

  await tabTo(page, box(page, 'N° de Siret/Siren'), { back: true });
  await page.keyboard.type(siret);
  await page.keyboard.press('Enter'); // Entrée in the number's field searches
  await expect(page.getByText('Établissement trouvé')).toBeVisible();
  await expect(box(page, 'Raison sociale')).toHaveValue(nom);

  await tabTo(page, page.getByLabel('Type de structure'));
  await page.keyboard.type('CFA');
  await expect(page.getByLabel('Type de structure')).toHaveValue('CFA');
  await typeInto(page, box(page, 'Téléphone'), '05 56 12 34 56');
  await tabTo(page, page.getByRole('button', { name: 'Valider' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/mon-espace\?bienvenue=1$/);
  expect(await db.structure.findUnique({ where: { siret }, select: { raisonSociale: true, type: true } })).toEqual({ raisonSociale: nom, type: 'CFA' });
});

test('créer une offre au clavier', async ({ page }) => {
  const tag = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const structure = await createStructure(db, { raisonSociale: `CFA Clavier ${tag}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('rgaa-offre'), prenom: 'Gaston', nom: 'Touche' });
  const employeur = await createEmployeur(db, { raisonSociale: `Zinc Clavier ${tag}`, adresse: '3 quai des Chartrons', codePostal: '33000', communeInsee: '33063', ville: 'Bordeaux' });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  await signIn(page, gestionnaire.email);
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto('/mes-offres/nouvelle');

  await tabTo(page, page.getByRole('button', { name: 'Valider' }));
  await page.keyboard.press('Enter');
  await expectFocusOnFirstError(page);
  await expectVisibleFocus(page);
  // the first field in error is the first type of contract: Espace checks it
  await expect(page.getByRole('checkbox', { name: "Contrat d'apprentissage" })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: "Contrat d'apprentissage" })).toBeChecked();

  await tabTo(page, page.getByLabel("L'employeur"));
  await page.keyboard.type('Zinc');
  await expect(page.getByLabel("L'employeur")).toHaveValue(employeur.id);
  await expect(box(page, 'Adresse')).toHaveValue('3 quai des Chartrons');
  await chooseInCombobox(page, page.getByRole('combobox', { name: 'Métier' }), 'couvreur', COUVREUR.metier);
  const date = nextSeptember9();
  await tabTo(page, page.getByLabel("Date prévue d'embauche"));
  await page.keyboard.type(date.typed);
  await expect(page.getByLabel("Date prévue d'embauche")).toHaveValue(date.iso);
  await chooseInCombobox(page, page.getByRole('combobox', { name: 'Diplôme ou formation à préparer' }), 'couvreur', 'CAP - Couvreur');

  await tabTo(page, page.getByRole('button', { name: 'Valider' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/mes-offres\/\d+\?publiee=1$/);
  const numero = Number(new URL(page.url()).pathname.split('/').pop());
  expect(await db.offre.findUniqueOrThrow({ where: { numero }, select: { structureId: true, metier: true, status: true } })).toEqual({
    structureId: structure.id,
    metier: COUVREUR.metier,
    status: 'EN_COURS',
  });
});

test('répondre à une candidature au clavier : le dialogue garde et rend le focus', async ({ page }) => {
  const offre = await db.offre.findFirstOrThrow({ where: { structure: { raisonSociale: CFA }, status: 'EN_COURS', metier: COUVREUR.metier }, select: { id: true } });
  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('rgaa-reponse'), prenom: 'Rémi', nom: 'Réponse' });
  const projet = await createProjet(db, { candidatId: candidat.id, metier: COUVREUR });
  const { numero } = await createCandidature(db, { offreId: offre.id, candidatId: candidat.id, projetId: projet.id, message: 'Bonjour, je suis disponible dès septembre.' });
  await signIn(page, DEMO_ACCOUNTS.gestionnaire);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.goto(`/mon-espace/candidatures/${numero}`);

  const opener = page.getByRole('button', { name: 'Répondre à cette candidature' });
  const dialog = page.getByRole('dialog', { name: /Répondre à la candidature N°/ });
  await tabTo(page, opener);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const firstAnswer = dialog.getByRole('radio').first();
  await expect(firstAnswer).toBeFocused();
  await expectVisibleFocus(page);

  // Tab and Shift+Tab go round inside the dialog
  for (const key of [...Array(12).fill('Tab'), ...Array(12).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `${key} : le focus reste dans le dialogue`).toBe(true);
    await expectVisibleFocus(page);
  }

  // Échap closes it and gives the focus back to « Répondre à cette candidature »
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // again, « Envoyer » empty: focus on the first field in error, then a real answer
  await page.keyboard.press('Enter');
  await expect(firstAnswer).toBeFocused();
  await tabTo(page, dialog.getByRole('button', { name: 'Envoyer' }));
  await page.keyboard.press('Enter');
  await expect(dialog.locator('#reponse-type-error')).toBeVisible();
  await expectFocusOnFirstError(page);
  await expect(firstAnswer).toBeFocused();
  await page.keyboard.press('Space');
  await expect(firstAnswer).toBeChecked();
  await typeInto(page, dialog.getByRole('textbox', { name: /message/i }), 'Bonjour, nous vous proposons un entretien mardi à 10 h.');
  await tabTo(page, dialog.getByRole('button', { name: 'Envoyer' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/mon-espace/candidatures/${numero}\\?reponse=envoyee$`));
  await expect(dialog).toBeHidden();
  expect(await db.candidature.findUniqueOrThrow({ where: { numero }, select: { status: true } })).toEqual({ status: 'ACCEPTEE' });
});

test('postuler à une offre au clavier', async ({ page }) => {
  const offre = await db.offre.findFirstOrThrow({ where: { structure: { raisonSociale: CFA }, status: 'EN_COURS', metier: COUVREUR.metier }, select: { id: true, numero: true } });
  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('rgaa-postuler'), prenom: 'Paula', nom: 'Postule' });
  await createProjet(db, { candidatId: candidat.id, metier: COUVREUR });
  await createProjet(db, { candidatId: candidat.id, metier: CARRELEUR });
  await signIn(page, candidat.email);
  await expect(page).toHaveURL(/\/candidat$/);
  await page.goto(`/offres/${offre.numero}`);

  await tabTo(page, page.getByRole('link', { name: /^Postuler/ }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/offres/${offre.numero}/postuler$`));

  const envoyer = page.getByRole('button', { name: 'Envoyer ma candidature' });
  await tabTo(page, envoyer);
  await page.keyboard.press('Enter');
  await expect(page.locator('#projetNumero-error')).toBeVisible();
  await expectFocusOnFirstError(page);
  await expectVisibleFocus(page);
  // ↓ picks the next project of the group (the first one has the focus)
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio').nth(1)).toBeChecked();
  await typeInto(page, page.getByRole('textbox', { name: /Votre message/ }), 'Bonjour, je suis motivée par la couverture.');
  await tabTo(page, envoyer);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/candidat\/candidatures\/\d+\?envoyee=1$/);
  expect(await db.candidature.count({ where: { offreId: offre.id, candidatId: candidat.id } })).toBe(1);
});
