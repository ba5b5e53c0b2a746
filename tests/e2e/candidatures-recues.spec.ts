import type { Browser, Page } from '@playwright/test';
import { CANDIDATURES_TEXTES, REPONSE_LABELS, candidaturesRecuesLabel } from '@/app/(acteur)/mon-espace/candidatures/_components/onglets';
import { createPrismaClient } from '@/lib/prisma-client';
import { formatTaille } from '@/lib/uploads/cv';
import { CANDIDATURE_MESSAGES, REPONSE_MESSAGES } from '@/lib/validations/candidat';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { TECHNICO_COMMERCIAL, createCandidature, createOffre, createProjet, createUser } from '@/tests/factories';
import { callServerAction, expect, expectNoAxeViolations, signIn, signOut, test, uniqueEmail, waitForEmail } from './fixtures';

/**
 * « Candidatures » of « Mon espace » end to end: a candidate applies to an offer of the CFA, the
 * structure finds it « À traiter » with its PROFIL and OFFRE numbers, reads the offer and the
 * profile side by side, downloads the CV, answers through « RÉPONDRE À CETTE CANDIDATURE »; the
 * tabs follow, the candidate reads the answer and gets the e-mail. Two members answering at the
 * same moment: one answer. Another structure: 404; a candidate: 403. axe on every state.
 *
 * Counts are read for one offer (« Filtrer par offre »): other specs apply to the demo offers at
 * the same time, never to the seeded « Technico-commercial » offer this spec uses.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const CFA = 'CFA du Bâtiment de la Gironde';
const pad10 = (n: number) => String(n).padStart(10, '0');
const TABS = { A_TRAITER: 'a-traiter', ACCEPTEE: 'acceptees', REFUSEE: 'refusees' } as const;

/** The seeded offer « Technico-commercial » of the CFA (« En cours », a diplôme of level 5). */
function technicoOffre() {
  return db.offre.findFirstOrThrow({
    where: { structure: { raisonSociale: CFA }, status: 'EN_COURS', metier: TECHNICO_COMMERCIAL.metier },
    orderBy: { numero: 'asc' },
    select: { id: true, numero: true, metier: true, structureId: true, employeurId: true },
  });
}

async function countsFor(offreId: string) {
  const grouped = await db.candidature.groupBy({ by: ['status'], where: { offreId }, _count: { _all: true } });
  const by = Object.fromEntries(grouped.map((g) => [g.status, g._count._all]));
  return { A_TRAITER: by.A_TRAITER ?? 0, ACCEPTEE: by.ACCEPTEE ?? 0, REFUSEE: by.REFUSEE ?? 0 };
}

/** A fresh candidate with a technico-commercial project (a training, an experience). */
async function newCandidat(prefix: string) {
  const user = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail(prefix), prenom: 'Inès', nom: 'Recue', telephone: '0699887766' });
  const projet = await createProjet(db, {
    candidatId: user.id,
    metier: TECHNICO_COMMERCIAL,
    types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
    diplomeIntitule: 'Titre professionnel négociateur technico-commercial',
    niveau: 5,
    dureeAnnees: 1,
    zoneRegion: true,
    departements: [],
    formations: [{ intitule: 'Bac pro métiers du commerce et de la vente', statut: 'VALIDE', annee: 2022 }],
    experiences: [{ type: 'STAGE', intitule: 'Commerciale', entreprise: "Demeures de la côte d'argent", dureeSemaines: 3, dureeJours: 5, missions: 'Rendez-vous clients' }],
  });
  return { user, projet };
}

/** The candidate signs in, uploads a CV (POST /api/cv) and applies through « Postuler »'s own action; returns the application's number. */
async function applyWithCv(page: Page, c: Awaited<ReturnType<typeof newCandidat>>, offreNumero: number, cvName: string) {
  await signIn(page, c.user.email);
  await expect(page).toHaveURL(/\/candidat$/);
  const upload = await page.request.post('/api/cv', { multipart: { fichier: { name: cvName, mimeType: 'application/pdf', buffer: PDF } } });
  expect(upload.status(), await upload.text()).toBe(200);
  const result = await callServerAction(
    page,
    'lib/actions/candidat.ts',
    'postulerAction',
    [offreNumero, { projetNumero: String(c.projet.numero), message: 'Bonjour,\nje cherche un contrat dès septembre.', joindreCv: true }],
    `/offres/${offreNumero}/postuler`,
  );
  const match = /\/candidat\/candidatures\/(\d+)\?envoyee=1/.exec(result.redirect ?? '');
  expect(match, result.body).not.toBeNull();
  await signOut(page);
  return Number(match![1]);
}

function tabCount(page: Page, status: keyof typeof TABS) {
  return page.getByTestId(`onglet-${TABS[status]}`).getByTestId('onglet-count');
}

async function expectCounts(page: Page, offreNumero: number, expected: { A_TRAITER: number; ACCEPTEE: number; REFUSEE: number }) {
  await page.goto(`/mon-espace/candidatures?offre=${offreNumero}`);
  const total = expected.A_TRAITER + expected.ACCEPTEE + expected.REFUSEE;
  await expect(page.getByTestId('total-candidatures')).toHaveText(`Tableau de bord — ${candidaturesRecuesLabel(total)} pour l'OFFRE ${pad10(offreNumero)}`);
  for (const status of ['A_TRAITER', 'ACCEPTEE', 'REFUSEE'] as const) await expect(tabCount(page, status)).toHaveText(String(expected[status]));
}

function replyDialog(page: Page, numero: number) {
  return page.getByRole('dialog', { name: `Répondre à la candidature N°${pad10(numero)}` });
}

async function newStaffPage(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByTestId('current-user')).toBeVisible();
  return { context, page };
}

test('une candidature reçue : « À traiter », le détail et le CV, « Organiser un entretien » → « Acceptées » ; le candidat lit la réponse', async ({ page, loginAs }) => {
  // the whole journey, with several axe runs: longer than the default 60 s on a busy machine
  test.setTimeout(120_000);
  const offre = await technicoOffre();
  const c = await newCandidat('recue');
  const before = await countsFor(offre.id);
  const numero = await applyWithCv(page, c, offre.numero, 'CV Inès Recue.pdf');
  const gestionnaire = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.gestionnaire }, select: { prenom: true, nom: true } });

  // the inbox: « À traiter » +1 for this offer; the three counts add up to the total
  await loginAs('gestionnaire');
  await page.goto('/mon-espace/candidatures');
  await expect(page.getByRole('heading', { level: 1, name: 'Candidatures sur mes offres' })).toBeVisible();
  await expect(page.getByTestId('onglet-a-traiter')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(CANDIDATURES_TEXTES.accepteesAttention)).toBeVisible();
  await expect(page.getByText(CANDIDATURES_TEXTES.passerParTableauDeBord, { exact: false })).toBeVisible();
  const all = await Promise.all((['A_TRAITER', 'ACCEPTEE', 'REFUSEE'] as const).map(async (s) => Number(await tabCount(page, s).innerText())));
  await expect(page.getByTestId('total-candidatures')).toContainText(candidaturesRecuesLabel(all[0]! + all[1]! + all[2]!));
  await expectNoAxeViolations(page);

  // « Filtrer par offre » works without JavaScript (a GET form)
  await page.getByRole('combobox', { name: 'Filtrer par offre' }).selectOption(String(offre.numero));
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(new RegExp(`statut=a-traiter&offre=${offre.numero}$`));
  await expectCounts(page, offre.numero, { ...before, A_TRAITER: before.A_TRAITER + 1 });

  const card = page.getByRole('article', { name: `PROFIL ${pad10(c.user.numero)} ${offre.metier}` });
  await expect(card).toContainText(`OFFRE ${pad10(offre.numero)}`);
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(offre.metier);
  await expect(card.getByRole('heading', { level: 3 })).toHaveCSS('text-transform', 'uppercase');
  await expect(card).toContainText("Type d'alternance : Contrat d'apprentissage, Contrat de professionnalisation");
  await expect(card).toContainText('Durée : 1 année');
  await expect(card).toContainText('Lieu : Nouvelle-Aquitaine');
  await expect(card).toContainText('Diplôme : Titre professionnel négociateur technico-commercial');
  await expect(card).not.toContainText(c.user.email);
  await expect(card).not.toContainText('Recue');
  await expectNoAxeViolations(page);

  // the detail: the offer and the profile side by side, all the guide's labels
  await card.getByRole('link', { name: `Détails de la candidature N°${pad10(numero)}` }).click();
  await expect(page).toHaveURL(`/mon-espace/candidatures/${numero}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Votre offre et le profil candidat qui a postulé' })).toBeVisible();
  await expect(page.getByText(`Candidature N°${pad10(numero)}`, { exact: true })).toBeVisible();
  await expect(page.getByTestId('statut-candidature')).toHaveText('À traiter');
  const offreRegion = page.getByRole('region', { name: `Votre offre : OFFRE ${pad10(offre.numero)}` });
  for (const text of ['Publiée le', offre.metier, 'Lieu de travail', "Date prévue d'embauche", 'Diplômes', 'Niveau BTS, DUT, DEUST', 'Type de contrat', 'Contrat de professionnalisation']) {
    await expect(offreRegion).toContainText(text);
  }
  const profil = page.getByRole('region', { name: `Le profil candidat : PROFIL ${pad10(c.user.numero)}` });
  for (const text of [
    'Candidaté le',
    TECHNICO_COMMERCIAL.metier,
    'Zone de recherche',
    'Nouvelle-Aquitaine',
    "Durée de l'alternance",
    '1 année',
    'Diplômes',
    'Titre professionnel négociateur technico-commercial : Niveau BTS, DUT, DEUST',
    "Type d'alternance recherchée",
    'Formations déjà suivies',
    'Bac pro métiers du commerce et de la vente (Validé) en 2022',
    'Expériences',
    "Stage : Commerciale - Demeures de la côte d'argent - 3 semaines / 5 jours (Rendez-vous clients)",
    'Message',
    'Pièces jointes',
    formatTaille(PDF.length),
  ]) {
    await expect(profil).toContainText(text);
  }
  await expect(profil.getByTestId('message-candidat')).toHaveText('Bonjour,\nje cherche un contrat dès septembre.');
  await expect(page.locator('main')).not.toContainText(c.user.email);
  await expect(page.locator('main')).not.toContainText('0699887766');
  // side by side on a wide screen
  const [o, p] = [await offreRegion.boundingBox(), await profil.boundingBox()];
  expect(Math.abs(o!.y - p!.y)).toBeLessThan(2);
  expect(p!.x).toBeGreaterThan(o!.x + o!.width - 1);

  // the CV, through the authorised (and audited) route
  const cvLink = profil.getByRole('link', { name: 'CV Inès Recue.pdf' });
  await expect(cvLink).toHaveAttribute('href', `/api/candidatures/${numero}/cv`);
  const download = await page.request.get(`/api/candidatures/${numero}/cv`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toContain('attachment');
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
  await expectNoAxeViolations(page);

  // stacked at 360 px
  await page.setViewportSize({ width: 360, height: 800 });
  const [o2, p2] = [await offreRegion.boundingBox(), await profil.boundingBox()];
  expect(p2!.y).toBeGreaterThanOrEqual(o2!.y + o2!.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 720 });

  // « RÉPONDRE À CETTE CANDIDATURE »: a modal dialog, focus on the first answer
  await expect(page.getByText(CANDIDATURES_TEXTES.coordonnees).first()).toBeVisible();
  const opener = page.getByRole('button', { name: 'Répondre à cette candidature' });
  await expect(opener).toHaveCSS('text-transform', 'uppercase');
  await opener.click();
  const dialog = replyDialog(page, numero);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: REPONSE_LABELS.ENTRETIEN })).toBeFocused();
  await expect(dialog).toContainText(CANDIDATURES_TEXTES.coordonnees);
  await expect(dialog).toContainText(CANDIDATURES_TEXTES.messageAttention);
  await expectNoAxeViolations(page);

  // Échap closes it, focus goes back to the button
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await opener.click();

  // nothing chosen, nothing written: both errors, in French, next to the fields
  await dialog.getByRole('button', { name: 'Envoyer' }).click();
  await expect(dialog.locator('#reponse-type-error')).toHaveText(REPONSE_MESSAGES.type);
  await expect(dialog.locator('#reponse-message-error')).toHaveText(REPONSE_MESSAGES.message);
  await expect(dialog.getByRole('radio', { name: REPONSE_LABELS.ENTRETIEN })).toBeFocused();
  await expectNoAxeViolations(page);

  const message = 'Bonjour,\nnous vous proposons un entretien mardi à 10 h au CFA.\nContact : recrutement@cfa-batiment-gironde.test — 05 56 00 00 00';
  await dialog.getByRole('radio', { name: REPONSE_LABELS.ENTRETIEN }).check();
  await dialog.getByRole('textbox', { name: CANDIDATURES_TEXTES.messageLabel }).fill(message);
  await dialog.getByRole('button', { name: 'Envoyer' }).click();

  // the confirmation, the answer recorded (which, when, by whom), the application now « Acceptée »
  await expect(page).toHaveURL(`/mon-espace/candidatures/${numero}?reponse=envoyee`);
  const banner = page.locator('#reponse-banniere');
  await expect(banner).toContainText(CANDIDATURES_TEXTES.envoyee);
  await expect(banner).toContainText('« Acceptées »');
  await expect(banner).toBeFocused();
  await expect(page.getByTestId('statut-candidature')).toHaveText('Acceptée');
  const reponse = page.getByRole('region', { name: 'Réponse envoyée au candidat' });
  await expect(reponse).toContainText(REPONSE_LABELS.ENTRETIEN);
  await expect(reponse).toContainText(`par ${gestionnaire.prenom} ${gestionnaire.nom}`);
  expect(await reponse.getByTestId('reponse-message').innerText()).toBe(message);
  await expect(page.getByRole('button', { name: 'Répondre à cette candidature' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // the tabs: « Acceptées » +1, « À traiter » back to what it was
  await banner.getByRole('link', { name: 'Voir les candidatures « Acceptées »' }).click();
  await expect(page).toHaveURL(/statut=acceptees$/);
  await expect(page.getByTestId('onglet-acceptees')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('article', { name: `PROFIL ${pad10(c.user.numero)} ${offre.metier}` })).toBeVisible();
  await expectCounts(page, offre.numero, { ...before, ACCEPTEE: before.ACCEPTEE + 1 });

  // the candidate gets the e-mail, reads « Entretien proposé » and the message
  const mail = await waitForEmail(c.user.email, `Votre candidature ${offre.metier} : entretien proposé`);
  expect(mail.text).toContain('nous vous proposons un entretien mardi à 10 h au CFA.');
  await signOut(page);
  await signIn(page, c.user.email);
  await expect(page).toHaveURL(/\/candidat$/);
  await page.goto(`/candidat/candidatures/${numero}`);
  await expect(page.getByTestId('statut-candidature')).toHaveText('Entretien proposé');
  expect(await page.getByTestId('reponse-structure').innerText()).toBe(message);
});

test('refuser une candidature : « Refusées » +1, le candidat lit « Non retenue »', async ({ page, loginAs }) => {
  const offre = await technicoOffre();
  const c = await newCandidat('refus');
  const before = await countsFor(offre.id);
  const { numero } = await createCandidature(db, { offreId: offre.id, candidatId: c.user.id, projetId: c.projet.id, message: 'Bonjour' });

  await loginAs('utilisateur');
  await expectCounts(page, offre.numero, { ...before, A_TRAITER: before.A_TRAITER + 1 });
  await page.goto(`/mon-espace/candidatures/${numero}`);
  // no CV sent with this one
  await expect(page.getByRole('region', { name: /Le profil candidat/ })).toContainText('Aucune pièce jointe.');
  await page.getByRole('button', { name: 'Répondre à cette candidature' }).click();
  const dialog = replyDialog(page, numero);
  await dialog.getByRole('radio', { name: REPONSE_LABELS.REFUS }).check();
  await dialog.getByRole('textbox', { name: CANDIDATURES_TEXTES.messageLabel }).fill('Le poste est pourvu. Bonne continuation !');
  await dialog.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page).toHaveURL(`/mon-espace/candidatures/${numero}?reponse=envoyee`);
  await expect(page.locator('#reponse-banniere')).toContainText('« Refusées »');
  await expect(page.getByTestId('statut-candidature')).toHaveText('Refusée');
  await expect(page.getByRole('region', { name: 'Réponse envoyée au candidat' })).toContainText(REPONSE_LABELS.REFUS);
  await expectCounts(page, offre.numero, { ...before, REFUSEE: before.REFUSEE + 1 });
  await page.goto(`/mon-espace/candidatures?statut=refusees&offre=${offre.numero}`);
  await expect(page.getByTestId('onglet-refusees')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('article', { name: `PROFIL ${pad10(c.user.numero)} ${offre.metier}` })).toBeVisible();
  await expectNoAxeViolations(page);

  await waitForEmail(c.user.email, `Votre candidature ${offre.metier} : réponse de la structure`);
  await signOut(page);
  await signIn(page, c.user.email);
  await expect(page).toHaveURL(/\/candidat$/);
  await page.goto(`/candidat/candidatures/${numero}`);
  await expect(page.getByTestId('statut-candidature')).toHaveText('Non retenue');
  expect(await page.getByTestId('reponse-structure').innerText()).toBe('Le poste est pourvu. Bonne continuation !');
});

test('deux membres répondent au même moment : une seule réponse, l’autre est prévenu et voit la réponse enregistrée', async ({ browser }) => {
  const offre = await technicoOffre();
  const c = await newCandidat('concurrence');
  const { numero } = await createCandidature(db, { offreId: offre.id, candidatId: c.user.id, projetId: c.projet.id });
  const members = [await newStaffPage(browser, DEMO_ACCOUNTS.gestionnaire), await newStaffPage(browser, DEMO_ACCOUNTS.utilisateur)];
  try {
    // both open the same application and fill the form
    const texts = ['Réponse du gestionnaire : entretien jeudi. 05 56 00 00 01', "Réponse de l'utilisateur : entretien vendredi. 05 56 00 00 02"];
    for (const [i, { page }] of members.entries()) {
      await page.goto(`/mon-espace/candidatures/${numero}`);
      await page.getByRole('button', { name: 'Répondre à cette candidature' }).click();
      const dialog = replyDialog(page, numero);
      await dialog.getByRole('radio', { name: i === 0 ? REPONSE_LABELS.ENTRETIEN : REPONSE_LABELS.REFUS }).check();
      await dialog.getByRole('textbox', { name: CANDIDATURES_TEXTES.messageLabel }).fill(texts[i]!);
    }
    // both send at the same moment
    await Promise.all(members.map(({ page }) => replyDialog(page, numero).getByRole('button', { name: 'Envoyer' }).click()));

    const outcome = async (page: Page) => {
      await expect(page.locator('#reponse-banniere').or(page.locator('#form-error'))).toBeVisible();
      return (await page.locator('#reponse-banniere').count()) > 0 ? 'ok' : 'deja';
    };
    const outcomes = await Promise.all(members.map(({ page }) => outcome(page)));
    expect([...outcomes].sort()).toEqual(['deja', 'ok']);
    const winner = outcomes.indexOf('ok');
    const loser = members[1 - winner]!.page;

    // the loser is told in French and keeps what he typed; then sees the answer recorded
    const dialog = replyDialog(loser, numero);
    await expect(dialog.locator('#form-error')).toHaveText(REPONSE_MESSAGES.dejaRepondu);
    await expect(dialog.getByRole('textbox', { name: CANDIDATURES_TEXTES.messageLabel })).toHaveValue(texts[1 - winner]!);
    await expectNoAxeViolations(loser);
    await dialog.getByRole('button', { name: 'Voir la réponse enregistrée' }).click();
    await expect(loser.locator('#reponse-banniere')).toContainText(REPONSE_MESSAGES.dejaRepondu);
    await expect(loser.getByTestId('reponse-message')).toHaveText(texts[winner]!);
    await loser.reload();
    await expect(loser.getByTestId('reponse-message')).toHaveText(texts[winner]!);
    await expect(loser.getByRole('button', { name: 'Répondre à cette candidature' })).toHaveCount(0);

    const row = await db.candidature.findUniqueOrThrow({ where: { numero } });
    expect(row.reponseMessage).toBe(texts[winner]);
    expect(row.status).toBe(winner === 0 ? 'ACCEPTEE' : 'REFUSEE');
    expect(await db.notification.count({ where: { userId: c.user.id, type: 'REPONSE_CANDIDATURE' } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: 'candidature.reponse', entityId: row.id } })).toBe(1);
  } finally {
    for (const { context } of members) await context.close();
  }
});

test('une seule candidature s’écrit au singulier ; un onglet vide le dit', async ({ page, loginAs }) => {
  const technico = await technicoOffre();
  const offre = await createOffre(db, { structureId: technico.structureId, employeurId: technico.employeurId, metier: TECHNICO_COMMERCIAL, types: ['CONTRAT_PRO'] });
  const c = await newCandidat('singulier');
  await createCandidature(db, { offreId: offre.id, candidatId: c.user.id, projetId: c.projet.id });

  await loginAs('gestionnaire');
  await expectCounts(page, offre.numero, { A_TRAITER: 1, ACCEPTEE: 0, REFUSEE: 0 });
  await expect(page.getByTestId('total-candidatures')).toContainText('1 candidature reçue');
  await page.getByTestId('onglet-acceptees').click();
  await expect(page).toHaveURL(new RegExp(`statut=acceptees&offre=${offre.numero}$`));
  await expect(page.getByTestId('liste-vide')).toContainText("Vous n'avez encore accepté aucune candidature");
  await expect(page.getByTestId('candidature-card')).toHaveCount(0);
  await expectNoAxeViolations(page);

  const c2 = await newCandidat('pluriel');
  await createCandidature(db, { offreId: offre.id, candidatId: c2.user.id, projetId: c2.projet.id });
  await page.goto(`/mon-espace/candidatures?offre=${offre.numero}`);
  await expect(page.getByTestId('total-candidatures')).toContainText('2 candidatures reçues');
  await expect(page.getByTestId('candidature-card')).toHaveCount(2);
});

test('une autre structure : 404 sur le détail et le CV, et l’action refuse ; un candidat : 403', async ({ page, loginAs }) => {
  const offre = await technicoOffre();
  const c = await newCandidat('acces');
  const numero = await applyWithCv(page, c, offre.numero, 'CV accès.pdf');
  const candidature = await db.candidature.findUniqueOrThrow({ where: { numero }, select: { id: true } });

  await loginAs('gestionnairePau');
  expect((await page.goto(`/mon-espace/candidatures/${numero}`))?.status()).toBe(404);
  expect((await page.request.get(`/api/candidatures/${numero}/cv`)).status()).toBe(404);
  expect((await page.goto('/mon-espace/candidatures/abc'))?.status()).toBe(404);
  expect((await page.goto('/mon-espace/candidatures/2000000000'))?.status()).toBe(404);
  // its inbox does not list it, even when asked for the CFA's offer
  await page.goto(`/mon-espace/candidatures?offre=${offre.numero}`);
  await expect(page.getByTestId('total-candidatures')).toContainText('0 candidature reçue');
  await expect(page.getByTestId('candidature-card')).toHaveCount(0);
  const forged = await callServerAction(
    page,
    'lib/actions/candidatures.ts',
    'repondreCandidatureAction',
    [numero, { type: 'REFUS', message: 'Intrusion.' }],
    `/mon-espace/candidatures/${numero}`,
  );
  expect(forged.body).toContain(CANDIDATURE_MESSAGES.introuvable);
  expect(await db.candidature.findUniqueOrThrow({ where: { numero } })).toMatchObject({ status: 'A_TRAITER', reponseMessage: null });
  expect(await db.auditLog.count({ where: { action: 'cv.consultation', entityId: candidature.id } })).toBe(0);
  await signOut(page);

  // a candidate (even the one who applied): 403 on the staff inbox and detail, and the action refuses
  await signIn(page, c.user.email);
  await expect(page).toHaveURL(/\/candidat$/);
  expect((await page.goto('/mon-espace/candidatures'))?.status()).toBe(403);
  expect((await page.goto(`/mon-espace/candidatures/${numero}`))?.status()).toBe(403);
  const candidate = await callServerAction(
    page,
    'lib/actions/candidatures.ts',
    'repondreCandidatureAction',
    [numero, { type: 'ENTRETIEN', message: 'Je me réponds.' }],
    `/mon-espace/candidatures/${numero}`,
  );
  expect(candidate.body).not.toContain('"ok":true');
  expect(await db.candidature.findUniqueOrThrow({ where: { numero } })).toMatchObject({ status: 'A_TRAITER' });
  await signOut(page);

  // signed out: sign in first
  await page.goto('/mon-espace/candidatures');
  await expect(page).toHaveURL(/\/connexion\?callbackUrl=/);
});

test('un CV effacé par la durée de conservation : « CV supprimé (durée de conservation écoulée) »', async ({ page, loginAs }) => {
  const offre = await technicoOffre();
  const c = await newCandidat('recue-cv-expire');
  const row = await createCandidature(db, { offreId: offre.id, candidatId: c.user.id, projetId: c.projet.id });
  // what the retention job leaves (lib/jobs/rgpd-retention.ts): the CV's name, no document any more
  await db.candidature.update({ where: { id: row.id }, data: { cvNom: 'CV Inès.pdf', cvTaille: 2048, documentId: null } });
  await loginAs('gestionnaire');
  await page.goto(`/mon-espace/candidatures/${row.numero}`);
  await expect(page.getByText('CV supprimé (durée de conservation écoulée)')).toBeVisible();
  await expect(page.getByRole('link', { name: 'CV Inès.pdf' })).toHaveCount(0);
});
