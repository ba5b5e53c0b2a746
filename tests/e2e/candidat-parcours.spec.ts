import type { Locator, Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { DEMO_PASSWORD } from '@/tests/factories';
import { CANDIDATURE_MESSAGES } from '@/lib/validations/candidat';
import { answerAs, expect, expectNoAxeViolations, test, uniqueEmail, waitForEmail } from './fixtures';

/**
 * The candidate's whole journey, as the issue tells it: sign up as candidate → create a project
 * with a training and an experience → upload a CV → apply to a seeded offer with a message →
 * « Envoyée » → the structure answers (through the data layer) → « Entretien proposé » with the
 * message and an unread notification; applying twice is refused.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 1 });
test.afterAll(() => db.$disconnect());

const PDF = Buffer.from('%PDF-1.4\n% parcours\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const COUVREUR = 'Couvreur / Couvreuse';

async function choose(page: Page, combobox: Locator, text: string, option: RegExp) {
  await combobox.fill('');
  await combobox.pressSequentially(text, { delay: 20 });
  const item = page.getByRole('option', { name: option }).first();
  await expect(item).toBeVisible();
  await item.click();
}

test('inscription → projet → CV → candidature → réponse → notification', async ({ page }) => {
  // the seeded couvreur offer of the CFA, whose référent is the demo utilisateur
  const offre = await db.offre.findFirstOrThrow({
    where: { metier: COUVREUR, status: 'EN_COURS', referent: { email: DEMO_ACCOUNTS.utilisateur } },
    select: { numero: true },
  });
  const email = uniqueEmail('parcours');

  // 1. sign up as a candidate
  await page.goto('/inscription?profil=candidat');
  await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Camille');
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Parcours');
  await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('textbox', { name: 'Confirmation du mot de passe', exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel(/J'ai lu et j'accepte/).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page).toHaveURL(/\/candidat$/);

  // 2. a project with a training and an experience, visible to the structures
  await page.goto('/candidat/projets/nouveau');
  await choose(page, page.getByRole('combobox', { name: 'Métier' }), 'couvreur', /^Couvreur \/ Couvreuse$/);
  await page.getByRole('checkbox', { name: "Contrat d'apprentissage" }).check();
  await choose(page, page.getByRole('combobox', { name: 'Intitulé diplôme' }), 'cap couvreur', /^CAP - Couvreur/);
  await page.getByRole('radio', { name: '2 années' }).check();
  await page.getByRole('checkbox', { name: 'Gironde (33)' }).check();
  await page.getByRole('button', { name: 'Ajouter une formation' }).click();
  const formation = page.getByRole('group', { name: 'Formation 1', exact: true });
  await formation.getByRole('textbox', { name: 'Intitulé', exact: true }).fill('Seconde générale');
  await formation.getByRole('combobox', { name: 'Statut' }).selectOption({ label: 'Validé' });
  await formation.getByRole('textbox', { name: 'Année', exact: true }).fill('2025');
  await page.getByRole('button', { name: 'Ajouter une expérience' }).click();
  const experience = page.getByRole('group', { name: 'Expérience 1', exact: true });
  await experience.getByRole('combobox', { name: "Type d'expérience" }).selectOption({ label: 'Stage' });
  await experience.getByRole('textbox', { name: 'Intitulé', exact: true }).fill('Stage en couverture');
  await experience.getByRole('textbox', { name: 'Entreprise (facultatif)', exact: true }).fill('Toitures du Médoc');
  await experience.getByRole('textbox', { name: 'semaine(s)', exact: true }).fill('2');
  await page.getByRole('checkbox', { name: "Mon projet est visible par les acteurs de la formation et de l'insertion" }).check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL(/\/candidat\/projets\?cree=\d+$/);
  const projetNumero = Number(new URL(page.url()).searchParams.get('cree'));

  // 3. the CV, on the same page
  await page.getByLabel('Choisir un fichier PDF (5 Mo au plus)').setInputFiles({ name: 'CV Camille.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Envoyer mon CV' }).click();
  await expect(page.getByText('Votre CV a bien été enregistré.')).toBeVisible();
  await expect(page.getByTestId('cv-actuel')).toContainText('CV Camille.pdf');

  // 4. apply to the seeded offer with a message
  await page.goto(`/offres/${offre.numero}`);
  await page.getByRole('link', { name: 'Postuler', exact: true }).click();
  await expect(page).toHaveURL(`/offres/${offre.numero}/postuler`);
  await expect(page.getByRole('radio', { name: new RegExp(COUVREUR.replace('/', '\\/')) })).toBeChecked();
  await page.getByRole('textbox', { name: 'Votre message (facultatif)' }).fill('Bonjour, je souhaite devenir couvreuse.');
  await expect(page.getByRole('checkbox', { name: 'Joindre mon CV' })).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
  await expect(page).toHaveURL(/\/candidat\/candidatures\/\d+\?envoyee=1$/);
  const numero = Number(/candidatures\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByText(CANDIDATURE_MESSAGES.envoyee)).toBeVisible();
  await expect(page.getByText('Envoyée', { exact: true }).first()).toBeVisible();

  const row = await db.candidature.findUniqueOrThrow({ where: { numero }, include: { projet: true } });
  expect(row).toMatchObject({ status: 'A_TRAITER', message: 'Bonjour, je souhaite devenir couvreuse.', cvNom: 'CV Camille.pdf', cvTaille: PDF.length });
  expect(row.projet?.numero).toBe(projetNumero);
  expect(row.offreSnapshot).toMatchObject({ numero: offre.numero, metier: COUVREUR });
  expect(row.projetSnapshot).toMatchObject({
    numero: projetNumero,
    formations: [{ intitule: 'Seconde générale', statut: 'VALIDE', annee: 2025 }],
    experiences: [{ type: 'STAGE', intitule: 'Stage en couverture', entreprise: 'Toitures du Médoc', dureeSemaines: 2 }],
  });
  await waitForEmail(DEMO_ACCOUNTS.utilisateur, `Nouvelle candidature à votre offre ${COUVREUR}`);

  // 5. the structure answers; the candidate reads it, with an unread notification
  const message = 'Bonjour Camille, nous vous proposons un entretien mardi à 10 h au CFA.';
  expect(await answerAs([{ email: DEMO_ACCOUNTS.utilisateur, numero, type: 'ENTRETIEN', message }])).toEqual([{ ok: true }]);
  await page.goto('/candidat/candidatures');
  await expect(page.getByText('Entretien proposé').first()).toBeVisible();
  await expect(page.getByText(message)).toBeVisible();
  await expect(page.getByRole('link', { name: /Notifications : 1 non lue/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await waitForEmail(email, `Votre candidature ${COUVREUR} : entretien proposé`);

  // 6. applying twice is refused
  await page.goto(`/offres/${offre.numero}/postuler`);
  await expect(page.getByText('Vous avez déjà postulé à cette offre').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Envoyer ma candidature' })).toHaveCount(0);
});
