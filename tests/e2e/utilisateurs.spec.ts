import type { Browser, Page } from '@playwright/test';
import { createPrismaClient, type DbClient } from '@/lib/prisma-client';
import { MEMBRES_MESSAGES as M } from '@/lib/validations/membres';
import { createActeur, createStructure, createUser } from '@/tests/factories';
import { expect, expectNoAxeViolations, signIn, test, uniqueEmail, waitForEmail } from './fixtures';

const PAGE = '/mon-compte/utilisateurs';
const NEW_PASSWORD = 'Invitation-E2e-2026!';

let db: DbClient;
test.beforeAll(() => {
  db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
});
test.afterAll(async () => {
  await db.$disconnect();
});

/** A fresh structure (so that the demo data stays intact) with a gestionnaire and an utilisateur. */
async function freshStructure() {
  const structure = await createStructure(db, { raisonSociale: `CFA e2e ${Date.now()} ${Math.floor(Math.random() * 1e4)}` });
  const g = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('e2e-gestionnaire'), prenom: 'Gaston', nom: 'Gère' });
  const u = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('e2e-utilisateur'), prenom: 'Ulysse', nom: 'Utile' });
  return { structure, g, u };
}

const pad = (n: number) => String(n).padStart(9, '0');

function membres(page: Page) {
  return page.getByRole('list', { name: 'Membres de la structure' });
}

function message(page: Page) {
  return page.locator('#membres-message');
}

async function select(page: Page, role: 'GESTIONNAIRE' | 'UTILISATEUR', numero: number) {
  await page.getByRole('radio', { name: new RegExp(`^${role} ${pad(numero)}`) }).check();
}

/** Signs in and waits for the landing page (signIn only clicks the button). */
async function signInAs(page: Page, email: string) {
  await signIn(page, email);
  await expect(page.getByTestId('current-user')).toBeVisible();
}

async function signedInContext(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email);
  return { context, page };
}

test.describe('Utilisateurs de ma structure — comptes de démonstration (lecture seule)', () => {
  test('le gestionnaire voit « GESTIONNAIRE 0000000xx » et les membres, avec une sélection au clavier ; axe', async ({ page, loginAs }) => {
    await loginAs('gestionnaire');
    await page.goto(PAGE);
    await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs de ma structure' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ajouter un gestionnaire' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Transférer mes droits' })).toBeVisible();
    const list = membres(page);
    await expect(list).toContainText(/GESTIONNAIRE 0000000\d\d/);
    await expect(list).toContainText(/UTILISATEUR 0000000\d\d/);
    await expect(list).toContainText('utilisateur@cfa-batiment-gironde.test');
    await expect(list).not.toContainText('mission-locale-pau');
    await expect(page.getByRole('group', { name: 'Membres de la structure' })).toBeVisible();
    await expectNoAxeViolations(page);

    // a real radio group: arrow keys move the selection
    const radios = page.getByRole('radio');
    await radios.first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(radios.nth(1)).toBeChecked();
    await expect(radios.nth(1)).toBeFocused();

    // the confirmation dialogs: axe, then « Annuler » closes them without any change
    await page.getByRole('radio', { name: /utilisateur@cfa-batiment-gironde\.test/ }).check();
    const transfer = page.getByRole('button', { name: 'Transférer mes droits' });
    await transfer.click();
    const dialog = page.getByRole('dialog', { name: 'Transférer vos droits de gestionnaire ?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(transfer).toBeFocused();

    await page.getByRole('button', { name: 'Retirer de la structure' }).click();
    const removal = page.getByRole('dialog', { name: 'Retirer ce membre de la structure ?' });
    await expect(removal).toContainText('utilisateur@cfa-batiment-gironde.test');
    await expectNoAxeViolations(page);
    await removal.getByRole('button', { name: 'Annuler' }).click();
    await expect(removal).toBeHidden();
    await page.reload();
    await expect(membres(page)).toContainText('utilisateur@cfa-batiment-gironde.test');

    // nothing selected: a clear message
    await page.getByRole('button', { name: 'Retirer de la structure' }).click();
    await expect(message(page)).toContainText(M.selectionRequise);
  });

  test('le gestionnaire d’une autre structure ne voit jamais ces membres', async ({ page, loginAs }) => {
    await loginAs('gestionnairePau');
    await page.goto(PAGE);
    await expect(membres(page)).toContainText('gestionnaire@mission-locale-pau.test');
    await expect(page.locator('main')).not.toContainText('cfa-batiment-gironde');
  });

  test('un utilisateur est renvoyé à l’accueil avec le message du guide', async ({ page, loginAs }) => {
    await loginAs('utilisateur');
    await page.goto(PAGE);
    await expect(page).toHaveURL(/\/\?erreur=gestionnaire$/);
    await expect(page.getByText(M.reserveAuGestionnaire, { exact: true })).toBeVisible();
  });
});

test.describe('Utilisateurs de ma structure — sur une structure créée pour le test', () => {
  test('ajouter un acteur sans structure, puis le retirer avec confirmation : il perd l’accès aussitôt', async ({ page, browser }) => {
    const { g } = await freshStructure();
    const libre = await createUser(db, { role: 'ACTEUR', email: uniqueEmail('e2e-libre'), prenom: 'Lina', nom: 'Libre' });
    await signInAs(page, g.email);
    await page.goto(PAGE);

    await page.getByRole('button', { name: 'Ajouter un gestionnaire' }).click();
    const email = page.getByRole('textbox', { name: 'E-mail du collaborateur', exact: true });
    await expect(email).toBeFocused();
    await email.fill(libre.email.toUpperCase());
    await page.getByRole('radio', { name: /^Utilisateur/ }).check();
    await page.getByRole('button', { name: 'Ajouter à ma structure' }).click();
    await expect(message(page)).toContainText(`${libre.email} a rejoint votre structure en tant que UTILISATEUR ${pad(libre.numero)}`);
    await expect(membres(page)).toContainText(`UTILISATEUR ${pad(libre.numero)}`);
    await expect(membres(page)).toContainText('Lina Libre');
    await waitForEmail(libre.email, 'Vous avez rejoint');

    // a refusal is shown next to the field, and what was typed stays
    await email.fill('candidat@exemple.test');
    await page.getByRole('button', { name: 'Ajouter à ma structure' }).click();
    await expect(page.locator('#ajout-email-error')).toHaveText(M.pasUnActeur);
    await expect(email).toHaveValue('candidat@exemple.test');
    await expect(email).toBeFocused();
    await expectNoAxeViolations(page);
    await email.fill('gestionnaire@mission-locale-pau.test');
    await page.getByRole('button', { name: 'Ajouter à ma structure' }).click();
    await expect(page.locator('#ajout-email-error')).toHaveText(M.dejaMembreAilleurs);
    await expect(page.locator('main')).not.toContainText('Mission locale Pau');

    // the new member is signed in elsewhere…
    const other = await signedInContext(browser, libre.email);
    await expect(other.page).toHaveURL(/\/mon-espace$/);

    await select(page, 'UTILISATEUR', libre.numero);
    await page.getByRole('button', { name: 'Retirer de la structure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retirer ce membre de la structure ?' });
    await expect(dialog).toContainText('Lina Libre');
    await dialog.getByRole('button', { name: 'Confirmer le retrait' }).click();
    await expect(dialog).toBeHidden();
    await expect(message(page)).toContainText(`${libre.email} (${pad(libre.numero)}) a été retiré(e) de votre structure.`);
    await expect(message(page)).toBeFocused();
    await expect(membres(page)).not.toContainText('Lina Libre');
    await waitForEmail(libre.email, 'Vous ne faites plus partie');

    // …and loses access at once: his session is revoked
    await other.page.goto('/mon-espace');
    await expect(other.page).toHaveURL(/\/connexion/);
    await other.context.close();
  });

  test('inviter une adresse inconnue → lien par e-mail → inscription → membre de la structure', async ({ page, browser }) => {
    const { structure, g } = await freshStructure();
    const invitee = uniqueEmail('e2e-invite');
    await signInAs(page, g.email);
    await page.goto(PAGE);
    await page.getByRole('button', { name: 'Ajouter un gestionnaire' }).click();
    await page.getByRole('textbox', { name: 'E-mail du collaborateur', exact: true }).fill(invitee);
    await expect(page.getByRole('radio', { name: /^Gestionnaire/ })).toBeChecked();
    await page.getByRole('button', { name: 'Ajouter à ma structure' }).click();
    await expect(message(page)).toContainText(`Une invitation a été envoyée à ${invitee} (rôle GESTIONNAIRE)`);
    const pending = page.getByRole('list', { name: 'Invitations en attente' });
    await expect(pending).toContainText(invitee);
    await expect(pending).toContainText(/GESTIONNAIRE · expire le \d{2}-\d{2}-\d{4}/);

    const mail = await waitForEmail(invitee, 'Invitation à rejoindre');
    expect(mail.subject).toContain(structure.raisonSociale);
    expect(mail.text).toContain('Gaston Gère vous invite');
    const link = mail.text.match(/https?:\/\/\S+\/invitation\/[\w-]+/)![0];

    // signed in: told to sign out first
    await page.goto(link);
    await expect(page.getByText(M.deconnexionRequise)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Créer mon compte et rejoindre la structure' })).toHaveCount(0);

    const context = await browser.newContext();
    const guest = await context.newPage();
    await guest.goto(link);
    await expect(guest.getByRole('heading', { level: 2, name: structure.raisonSociale })).toBeVisible();
    await expect(guest.locator('main')).toContainText('en tant que GESTIONNAIRE');
    const emailField = guest.getByRole('textbox', { name: 'E-mail', exact: true });
    await expect(emailField).toHaveValue(invitee);
    await expect(emailField).not.toBeEditable();
    await expectNoAxeViolations(guest);

    // bad input: clear messages, nothing lost
    await guest.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Inès');
    await guest.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('court');
    await guest.getByRole('button', { name: 'Créer mon compte et rejoindre la structure' }).click();
    await expect(guest.locator('#nom-error')).toHaveText('Saisissez votre nom.');
    await expect(guest.locator('#password-error')).toContainText('Le mot de passe doit contenir au moins 12 caractères');
    await expect(guest.locator('#acceptCgu-error')).toBeVisible();
    await expect(guest.getByRole('textbox', { name: 'Prénom', exact: true })).toHaveValue('Inès');

    await guest.getByRole('textbox', { name: 'Nom', exact: true }).fill('Invitée');
    await guest.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(NEW_PASSWORD);
    await guest.getByRole('textbox', { name: 'Confirmation du mot de passe', exact: true }).fill(NEW_PASSWORD);
    await guest.getByLabel(/J'ai lu et j'accepte/).check();
    await guest.getByRole('button', { name: 'Créer mon compte et rejoindre la structure' }).click();
    await expect(guest).toHaveURL(/\/mon-espace$/);
    await expect(guest.getByTestId('current-user')).toContainText(`Inès Invitée (Gestionnaire — ${structure.raisonSociale})`);
    await waitForEmail(g.email, 'Invitation acceptée');

    // the new gestionnaire manages the structure
    await guest.goto(PAGE);
    await expect(membres(guest)).toContainText(g.email);
    await expect(membres(guest)).toContainText(invitee);
    await context.close();

    // single use
    const again = await browser.newContext();
    const second = await again.newPage();
    await second.goto(link);
    await expect(second.getByText(M.invitationUtilisee)).toBeVisible();
    await expectNoAxeViolations(second);
    await second.goto('/invitation/jeton-inconnu-0123456789abcdefghij');
    await expect(second.getByText(M.invitationInconnue)).toBeVisible();
    await again.close();

    await page.goto(PAGE);
    await expect(page.getByRole('list', { name: 'Invitations en attente' })).toHaveCount(0);
    await expect(membres(page)).toContainText(invitee);
  });

  test('annuler une invitation avec confirmation', async ({ page }) => {
    const { g } = await freshStructure();
    const invitee = uniqueEmail('e2e-annule');
    await signInAs(page, g.email);
    await page.goto(PAGE);
    await page.getByRole('button', { name: 'Ajouter un gestionnaire' }).click();
    await page.getByRole('textbox', { name: 'E-mail du collaborateur', exact: true }).fill(invitee);
    await page.getByRole('radio', { name: /^Utilisateur/ }).check();
    await page.getByRole('button', { name: 'Ajouter à ma structure' }).click();
    await expect(page.getByRole('list', { name: 'Invitations en attente' })).toContainText(invitee);
    const mail = await waitForEmail(invitee, 'Invitation à rejoindre');
    const link = mail.text.match(/https?:\/\/\S+\/invitation\/[\w-]+/)![0];

    await page.getByRole('button', { name: `Annuler l'invitation envoyée à ${invitee}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Annuler cette invitation ?' });
    await expect(dialog).toContainText(invitee);
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: "Confirmer l'annulation" }).click();
    await expect(message(page)).toContainText(`L'invitation envoyée à ${invitee} a été annulée.`);
    await expect(page.getByText('Aucune invitation en attente.')).toBeVisible();
    await waitForEmail(invitee, 'a été annulée');

    await page.goto(link);
    await expect(page.getByText(M.invitationInconnue)).toBeVisible();
  });

  test('le dernier gestionnaire ne peut pas être retiré ; transférer ses droits avec confirmation', async ({ page }) => {
    const { structure, g, u } = await freshStructure();
    await signInAs(page, g.email);
    await page.goto(PAGE);

    await select(page, 'GESTIONNAIRE', g.numero);
    await page.getByRole('button', { name: 'Retirer de la structure' }).click();
    await expect(message(page)).toContainText(M.dernierGestionnaire);
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // « Transférer mes droits » to oneself: refused
    await page.getByRole('button', { name: 'Transférer mes droits' }).click();
    await expect(message(page)).toContainText(M.transfertSoiMeme);

    await select(page, 'UTILISATEUR', u.numero);
    await page.getByRole('button', { name: 'Transférer mes droits' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transférer vos droits de gestionnaire ?' });
    await expect(dialog).toContainText('Ulysse Utile');
    await expect(dialog).toContainText('vous deviendrez UTILISATEUR');
    await dialog.getByRole('button', { name: 'Confirmer le transfert' }).click();
    await expect(page).toHaveURL(/\/mon-espace\?droits=transferes$/);
    await expect(page.getByText('Vos droits ont été transférés : vous êtes maintenant UTILISATEUR de votre structure.')).toBeVisible();
    await expect(page.getByTestId('current-user')).toContainText(`(Utilisateur — ${structure.raisonSociale})`);

    await page.goto(PAGE);
    await expect(page).toHaveURL(/\/\?erreur=gestionnaire$/);
    await expect(page.getByText('Seul le gestionnaire peut accéder aux rôles utilisateurs de ma structure', { exact: true })).toBeVisible();

    const roles = await db.membership.findMany({ where: { structureId: structure.id }, select: { userId: true, role: true } });
    expect(Object.fromEntries(roles.map((r) => [r.userId, r.role]))).toEqual({ [g.id]: 'UTILISATEUR', [u.id]: 'GESTIONNAIRE' });
    await waitForEmail(u.email, 'Vous êtes maintenant gestionnaire');

    // the new gestionnaire can open the page
    await page.context().clearCookies();
    await signInAs(page, u.email);
    await page.goto(PAGE);
    await expect(page.getByRole('heading', { level: 1, name: 'Utilisateurs de ma structure' })).toBeVisible();
  });
});
