import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/prisma-client';
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { CARRELEUR, COUVREUR, TECHNICO_COMMERCIAL, createUser } from '@/tests/factories';
import { expect, expectFocusOnFirstError, expectNoAxeViolations, signIn, test, uniqueEmail } from './fixtures';

/**
 * RGAA sweep: every page of the app (the inventory below, checked against the page.tsx files under
 * app/ so that a new page cannot escape it), visited by every persona that may open it, on the demo
 * data plus the few rows created in beforeAll (an invitation, a reset link, an e-mail, a
 * notification, a message): HTTP status, one h1, axe with the WCAG 2.1 A/AA rules → no violation.
 * Then the main dialogs and the main forms' error states, axe again.
 *
 * Public content pages are the same for everyone but the header: they are swept signed out; the
 * pages whose content depends on who reads them (home, offers) are swept by every persona too.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

type Who = 'anonyme' | 'candidat' | 'utilisateur' | 'gestionnaire' | 'admin';
const EVERYONE: Who[] = ['anonyme', 'candidat', 'utilisateur', 'gestionnaire', 'admin'];
const SIGNED_IN: Who[] = ['candidat', 'utilisateur', 'gestionnaire', 'admin'];
const ACTEURS: Who[] = ['utilisateur', 'gestionnaire'];

interface Data {
  offre: number;
  offreCouvreur: number;
  offrePourvue: number;
  candidature: number;
  profil: number;
  projetCandidat: number;
  structure: number;
  emailId: string;
  invitationToken: string;
  resetToken: string;
}

interface PageRow {
  /** The route as the file system names it (route groups removed). */
  route: string;
  who: Who[];
  url: (d: Data) => string;
  /** Expected HTTP status when not 200. */
  status?: number;
  /** Left out of axe: a sandboxed frame forbidding scripts (the e-mail's own markup; axe would wait for it forever). */
  axeExclude?: string[];
}

export const PAGES: PageRow[] = [
  { route: '/', who: EVERYONE, url: () => '/' },
  { route: '/accessibilite', who: ['anonyme'], url: () => '/accessibilite' },
  { route: '/aide', who: ['anonyme'], url: () => '/aide' },
  { route: '/aide/mode-emploi', who: ['anonyme'], url: () => '/aide/mode-emploi' },
  { route: '/charte', who: ['anonyme'], url: () => '/charte' },
  { route: '/confidentialite', who: ['anonyme'], url: () => '/confidentialite' },
  { route: '/mentions-legales', who: ['anonyme'], url: () => '/mentions-legales' },
  { route: '/politique-rgpd', who: ['anonyme'], url: () => '/politique-rgpd' },
  { route: '/vite-mon-stage', who: ['anonyme', 'candidat'], url: () => '/vite-mon-stage?departement=33' },
  { route: '/offres', who: EVERYONE, url: () => '/offres' },
  { route: '/offres/[numero]', who: EVERYONE, url: (d) => `/offres/${d.offre}` },
  { route: '/offres/[numero]/indisponible', who: ['anonyme'], url: (d) => `/offres/${d.offrePourvue}/indisponible`, status: 410 },
  { route: '/offres/[numero]/postuler', who: ['candidat'], url: (d) => `/offres/${d.offreCouvreur}/postuler` },

  { route: '/connexion', who: ['anonyme'], url: () => '/connexion' },
  { route: '/inscription', who: ['anonyme'], url: () => '/inscription' },
  { route: '/mot-de-passe-oublie', who: ['anonyme'], url: () => '/mot-de-passe-oublie' },
  { route: '/reinitialiser-mot-de-passe/[token]', who: ['anonyme'], url: (d) => `/reinitialiser-mot-de-passe/${d.resetToken}` },
  { route: '/invitation/[token]', who: ['anonyme'], url: (d) => `/invitation/${d.invitationToken}` },

  { route: '/notifications', who: SIGNED_IN, url: () => '/notifications' },

  { route: '/candidat', who: ['candidat'], url: () => '/candidat' },
  { route: '/candidat/projets', who: ['candidat'], url: () => '/candidat/projets' },
  { route: '/candidat/projets/nouveau', who: ['candidat'], url: () => '/candidat/projets/nouveau' },
  { route: '/candidat/projets/[numero]/modifier', who: ['candidat'], url: (d) => `/candidat/projets/${d.projetCandidat}/modifier` },
  { route: '/candidat/candidatures', who: ['candidat'], url: () => '/candidat/candidatures' },
  { route: '/candidat/candidatures/[numero]', who: ['candidat'], url: (d) => `/candidat/candidatures/${d.candidature}` },
  { route: '/candidat/messages', who: ['candidat'], url: () => '/candidat/messages' },
  { route: '/candidat/donnees', who: ['candidat'], url: () => '/candidat/donnees' },

  { route: '/mon-compte/structure', who: ACTEURS, url: () => '/mon-compte/structure' },
  { route: '/mon-compte/informations', who: ACTEURS, url: () => '/mon-compte/informations' },
  { route: '/mon-compte/utilisateurs', who: ['gestionnaire'], url: () => '/mon-compte/utilisateurs' },
  { route: '/mes-offres', who: ACTEURS, url: () => '/mes-offres' },
  { route: '/mes-offres/nouvelle', who: ACTEURS, url: () => '/mes-offres/nouvelle' },
  { route: '/mes-offres/[numero]', who: ACTEURS, url: (d) => `/mes-offres/${d.offre}` },
  { route: '/mes-offres/[numero]/modifier', who: ACTEURS, url: (d) => `/mes-offres/${d.offre}/modifier` },
  { route: '/mes-offres/employeurs', who: ACTEURS, url: () => '/mes-offres/employeurs' },
  { route: '/mes-offres/employeurs/ajouter', who: ACTEURS, url: () => '/mes-offres/employeurs/ajouter' },
  { route: '/mon-espace', who: ACTEURS, url: () => '/mon-espace' },
  { route: '/mon-espace/alertes', who: ACTEURS, url: () => '/mon-espace/alertes' },
  { route: '/mon-espace/profils', who: ACTEURS, url: () => '/mon-espace/profils' },
  { route: '/mon-espace/profils/[numero]', who: ACTEURS, url: (d) => `/mon-espace/profils/${d.profil}` },
  { route: '/mon-espace/favoris', who: ACTEURS, url: () => '/mon-espace/favoris' },
  { route: '/mon-espace/candidatures', who: ACTEURS, url: () => '/mon-espace/candidatures' },
  { route: '/mon-espace/candidatures/[numero]', who: ACTEURS, url: (d) => `/mon-espace/candidatures/${d.candidature}` },

  { route: '/admin', who: ['admin'], url: () => '/admin' },
  { route: '/admin/employeurs', who: ['admin'], url: () => '/admin/employeurs' },
  { route: '/admin/structures', who: ['admin'], url: () => '/admin/structures' },
  { route: '/admin/structures/[numero]', who: ['admin'], url: (d) => `/admin/structures/${d.structure}` },
  { route: '/admin/utilisateurs', who: ['admin'], url: () => '/admin/utilisateurs' },
  { route: '/admin/offres', who: ['admin'], url: () => '/admin/offres' },
  { route: '/admin/emails', who: ['admin'], url: () => '/admin/emails' },
  { route: '/admin/emails/[id]', who: ['admin'], url: (d) => `/admin/emails/${d.emailId}`, axeExclude: ['iframe[sandbox]'] },
  { route: '/admin/audit', who: ['admin'], url: () => '/admin/audit' },
];

/** Every page route of app/: the folders holding a page.tsx, route groups « (…) » and private folders « _… » left out. */
function discoverRoutes(dir = path.join(process.cwd(), 'app'), segments: string[] = []): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && /^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name)) routes.push('/' + segments.join('/'));
    if (entry.isDirectory() && !entry.name.startsWith('_')) {
      const next = /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name];
      routes.push(...discoverRoutes(path.join(dir, entry.name), next));
    }
  }
  return routes;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const CFA = 'CFA du Bâtiment de la Gironde';

let data: Data;

test.beforeAll(async () => {
  const offreOf = (metier: string, status: 'EN_COURS' | 'POURVUE' = 'EN_COURS') =>
    db.offre.findFirstOrThrow({ where: { structure: { raisonSociale: CFA }, status, ...(status === 'EN_COURS' ? { metier } : {}) }, orderBy: { numero: 'asc' }, select: { id: true, numero: true } });
  const [offre, offreCouvreur, offrePourvue] = await Promise.all([offreOf(CARRELEUR.metier), offreOf(COUVREUR.metier), offreOf('', 'POURVUE')]);
  const candidat = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.candidat }, select: { id: true } });
  const gestionnaire = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.gestionnaire }, select: { id: true } });
  const candidature = await db.candidature.findFirstOrThrow({ where: { offreId: offre.id, candidatId: candidat.id }, select: { numero: true } });
  const profil = await db.projet.findFirstOrThrow({ where: { metier: TECHNICO_COMMERCIAL.metier, visible: true, candidat: { email: 'theo.candidat@exemple.test' } }, select: { numero: true } });
  const projetCandidat = await db.projet.findFirstOrThrow({ where: { candidatId: candidat.id }, orderBy: { numero: 'asc' }, select: { numero: true } });
  const structure = await db.structure.findFirstOrThrow({ where: { raisonSociale: CFA }, select: { id: true, numero: true } });

  // rows no demo account has yet: an e-mail of the outbox, an invitation, a reset link, a read
  // notification and a message for the candidate (read: the unread counts other specs check stay)
  const email = await db.emailOutbox.create({
    data: {
      idempotencyKey: `rgaa-${randomBytes(8).toString('hex')}`,
      to: 'rgaa@exemple.test',
      subject: 'Votre compte CMonAlternance',
      html: '<p>Bonjour,</p><p>Votre compte est prêt.</p>',
      text: 'Bonjour,\nVotre compte est prêt.',
      template: 'rgaa',
      status: 'ENVOYE',
      attempts: 1,
      sentAt: new Date(),
      providerId: 'rgaa',
    },
  });
  const invitationToken = randomBytes(24).toString('base64url');
  await db.invitation.create({
    data: { structureId: structure.id, email: uniqueEmail('rgaa-invite'), role: 'UTILISATEUR', tokenHash: sha256(invitationToken), invitedById: gestionnaire.id, expiresAt: new Date(Date.now() + 7 * 86400_000) },
  });
  const resetUser = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('rgaa-reset'), prenom: 'Rémi', nom: 'Reset' });
  const resetToken = randomBytes(24).toString('base64url');
  await db.passwordResetToken.create({ data: { userId: resetUser.id, tokenHash: sha256(resetToken), expiresAt: new Date(Date.now() + 3600_000) } });
  await db.notification.create({
    data: { userId: candidat.id, type: 'REPONSE_CANDIDATURE', titre: 'Réponse à votre candidature', corps: 'Le CFA a répondu.', lien: `/candidat/candidatures/${candidature.numero}`, readAt: new Date() },
  });
  if (!(await db.message.findFirst({ where: { toUserId: candidat.id }, select: { id: true } }))) {
    await db.message.create({ data: { structureId: structure.id, fromUserId: gestionnaire.id, toUserId: candidat.id, body: 'Bonjour, votre profil nous intéresse. Pouvez-vous nous appeler ?' } });
  }

  data = {
    offre: offre.numero,
    offreCouvreur: offreCouvreur.numero,
    offrePourvue: offrePourvue.numero,
    candidature: candidature.numero,
    profil: profil.numero,
    projetCandidat: projetCandidat.numero,
    structure: structure.numero,
    emailId: email.id,
    invitationToken,
    resetToken,
  };
});

/** The signed-in state of each persona, saved at its first sign-in and reused by the next contexts of this worker. */
const storageStates = new Map<Who, Awaited<ReturnType<BrowserContext['storageState']>>>();

/** A page signed in as `who` (one sign-in per persona for the whole file). */
async function pageAs(browser: Browser, who: Who): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStates.get(who) });
  const page = await context.newPage();
  if (who !== 'anonyme' && !storageStates.has(who)) {
    await signIn(page, DEMO_ACCOUNTS[who]);
    await expect(page.getByTestId('current-user')).toBeVisible();
    storageStates.set(who, await context.storageState());
  }
  return page;
}

test('l’inventaire couvre toutes les pages de app/', () => {
  const listed = PAGES.map((p) => p.route).sort();
  const found = discoverRoutes().sort();
  expect(found.filter((r) => !listed.includes(r)), 'pages absentes de l’inventaire (PAGES)').toEqual([]);
  expect(listed.filter((r) => !found.includes(r)), 'lignes de l’inventaire sans page').toEqual([]);
  expect(new Set(listed).size).toBe(listed.length);
});

test.describe('Accessibilité de chaque page, par persona (axe, WCAG 2.1 A/AA)', () => {
  // one test per persona, each on its own: the two workers share the sweep (beforeAll's rows are made once per worker)
  test.describe.configure({ mode: 'parallel' });
  for (const who of EVERYONE) {
    test(`toutes les pages de « ${who} »`, async ({ browser }) => {
      const rows = PAGES.filter((p) => p.who.includes(who));
      test.setTimeout(30_000 + rows.length * 8_000);
      const page = await pageAs(browser, who);
      for (const row of rows) {
        const url = row.url(data);
        await test.step(url, async () => {
          const response = await page.goto(url);
          expect.soft(response?.status(), `${who} ${url}`).toBe(row.status ?? 200);
          expect.soft(new URL(page.url()).pathname, `${who} ${url} : pas de redirection`).toBe(url.split('?')[0]);
          await expect.soft(page.locator('h1'), `${who} ${url} : un seul h1`).toHaveCount(1);
          await expectNoAxeViolations(page, { soft: true, label: `${who} ${url}`, exclude: row.axeExclude });
        });
      }
      await page.context().close();
    });
  }
});

test.describe('Accessibilité des dialogues et des formulaires en erreur', () => {
  /** Submits the form empty, waits for the first field in error, runs axe. */
  async function emptySubmit(page: Page, url: string, button: string) {
    await page.goto(url);
    await page.getByRole('button', { name: button, exact: true }).click();
    await expectFocusOnFirstError(page);
    await expectNoAxeViolations(page);
  }

  test('sans compte : connexion et inscription en erreur', async ({ page }) => {
    await emptySubmit(page, '/connexion', 'Se connecter');
    await emptySubmit(page, '/inscription', 'Créer mon compte');
  });

  test('candidat : projet en erreur, suppression d’un projet (dialogue)', async ({ browser }) => {
    const page = await pageAs(browser, 'candidat');
    await emptySubmit(page, '/candidat/projets/nouveau', 'Enregistrer');
    await page.goto('/candidat/projets');
    await page.getByRole('button', { name: /^Supprimer/ }).first().click();
    await expect(page.getByRole('dialog', { name: 'Supprimer ce projet ?' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.context().close();
  });

  test('gestionnaire : menu ouvert, « Répondre à cette candidature » ouvert et en erreur, offre « Pourvue », création d’offre en erreur', async ({ browser }) => {
    const page = await pageAs(browser, 'gestionnaire');
    // the header's disclosure menu, opened: axe, then Échap gives the focus back to its button
    await page.goto('/mon-espace');
    const menu = page.getByRole('button', { name: 'Mon espace' });
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('link', { name: 'Rechercher des profils' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();

    await page.goto(`/mon-espace/candidatures/${data.candidature}`);
    await page.getByRole('button', { name: 'Répondre à cette candidature' }).click();
    const dialog = page.getByRole('dialog', { name: /Répondre à la candidature N°/ });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Envoyer' }).click();
    await expect(dialog.locator('#reponse-type-error')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.goto('/mes-offres');
    await page.getByRole('button', { name: /^Pourvue : offre/ }).first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await emptySubmit(page, '/mes-offres/nouvelle', 'Valider');
    await page.context().close();
  });

  test('admin : désactivation d’une structure (dialogue)', async ({ browser }) => {
    const page = await pageAs(browser, 'admin');
    await page.goto(`/admin/structures/${data.structure}`);
    await page.getByRole('button', { name: 'Désactiver la structure' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.context().close();
  });
});

test('la « Déclaration d’accessibilité » suit le modèle RGAA 4.1', async ({ page }) => {
  await page.goto('/accessibilite');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Déclaration d'accessibilité");
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'État de conformité',
    'Résultats des tests',
    'Contenus non accessibles',
    "Établissement de cette déclaration d'accessibilité",
    "Retour d'information et contact",
    'Voies de recours',
  ]);
  await expect(page.locator('#etat-conformite + p')).toContainText('non conforme');
  await expect(page.getByText('Cette déclaration a été établie le 28 novembre 2026.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'formulaire en ligne du Défenseur des droits' })).toBeVisible();
  // every page's footer states the same level
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Accessibilité : non conforme' })).toHaveAttribute('href', '/accessibilite');
});
