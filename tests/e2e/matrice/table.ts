/**
 * The authorization matrix: for every entry of the inventory (page, route handler, server
 * action), how to call it with forged but well-formed arguments aimed at the OWNER's data
 * (structure A, the first candidate), and what each persona must get.
 *
 * Outcomes: 'ok' (200 / ok:true), '→/path' (redirect; '→/?erreur=gestionnaire' keeps the reason),
 * '401' '403' '404' '410' (HTTP status: forbidden() answers 403, notFound() 404), 'introuvable'
 * (ok:false saying « … introuvable »: a foreign id), 'refus' (another ok:false).
 */
import { DEMO_PASSWORD, randomSiret, uniqueEmail, CARRELEUR } from '@/tests/factories';
import { inDays, type PersonaName, type World } from './monde';

export type Expected = Record<PersonaName, string>;
export interface PageEntry {
  kind: 'page';
  url: (w: World) => string;
  expected: Expected;
}
export interface RouteEntry {
  kind: 'route';
  url: (w: World) => string;
  /** multipart body for POST routes */
  multipart?: () => Record<string, { name: string; mimeType: string; buffer: Buffer }>;
  expected: Expected;
}
export interface ActionEntry {
  kind: 'action';
  args: (w: World, persona: PersonaName) => unknown[];
  /** a page bundling the action (dynamic segments filled in) */
  via: (w: World) => string;
  /** ends or changes the caller's session: called from a copy of the persona's cookie jar */
  isolated?: boolean;
  /** changes who the persona is (rights transferred…): its allowed cells run after all the others */
  last?: boolean;
  expected: Expected;
}
export type Entry = PageEntry | RouteEntry | ActionEntry;

const P = (anonyme: string, candidat: string, autreCandidat: string, utilisateur: string, gestionnaire: string, autreGestionnaire: string, desactive: string, admin: string): Expected => ({
  anonyme,
  candidat,
  autreCandidat,
  utilisateur,
  gestionnaire,
  autreGestionnaire,
  desactive,
  admin,
});

// profiles: anonyme, candidat, autreCandidat, utilisateur, gestionnaire, autreGestionnaire, desactive, admin
const PUBLIC = P('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok');
const STAFF_PAGE = P('→/connexion', '403', '403', 'ok', 'ok', 'ok', '→/connexion', '403');
const STAFF_PAGE_A = P('→/connexion', '403', '403', 'ok', 'ok', '404', '→/connexion', '403');
// proxy.ts sends anyone but a gestionnaire (role read from the database) home with the guide's message
const GESTIONNAIRE_PAGE = P('→/connexion', '→/?erreur=gestionnaire', '→/?erreur=gestionnaire', '→/?erreur=gestionnaire', 'ok', 'ok', '→/?erreur=gestionnaire', '→/?erreur=gestionnaire');
const CANDIDAT_PAGE = P('→/connexion', 'ok', 'ok', '403', '403', '403', '→/connexion', '403');
const CANDIDAT_PAGE_A = P('→/connexion', 'ok', '404', '403', '403', '403', '→/connexion', '403');
const ADMIN_PAGE = P('→/connexion', '403', '403', '403', '403', '403', '→/connexion', 'ok');
const ADMIN_EXPORT = P('401', '403', '403', '403', '403', '403', '401', 'ok');
// signed in: « Se connecter » / « Créer un compte » send each one to his home
const SIGNED_OUT_PAGE = P('ok', '→/candidat', '→/candidat', '→/mon-espace', '→/mon-espace', '→/mon-espace', 'ok', '→/admin');
const SIGNED_IN_PAGE = P('→/connexion', 'ok', 'ok', 'ok', 'ok', 'ok', '→/connexion', 'ok');

const STAFF_ACTION_A = P('→/connexion', '403', '403', 'ok', 'ok', 'introuvable', '→/connexion', '403');
const STAFF_ACTION = P('→/connexion', '403', '403', 'ok', 'ok', 'ok', '→/connexion', '403');
const GESTIONNAIRE_ACTION_A = P('→/connexion', '403', '403', '→/?erreur=gestionnaire', 'ok', 'introuvable', '→/connexion', '403');
const CANDIDAT_ACTION_A = P('→/connexion', 'ok', 'introuvable', '403', '403', '403', '→/connexion', '403');
const TUTORIEL_ACTEUR_ACTION = P('→/connexion', 'refus', 'refus', 'ok', 'ok', 'ok', '→/connexion', 'refus');
const ADMIN_ACTION = P('→/connexion', '403', '403', '403', '403', '403', '→/connexion', 'ok');

const INVITATION_VIA = '/invitation/jeton-inexistant-0000000000';
const NEW_PASSWORD = 'Matrice2026!Nouveau';

function offreInput(w: World) {
  return {
    types: ['APPRENTISSAGE'],
    employeurId: w.employeur.id,
    appellationCode: CARRELEUR.appellationCode,
    metier: 'Carreleur',
    description: 'Offre forgée par la matrice des droits.',
    adresse: '3 rue des Carreaux',
    complementAdresse: '',
    codePostal: '33100',
    communeInsee: '33063',
    dateEmbauche: inDays(60),
    dureeMois: '24',
    referentId: w.utilisateur.id,
    nombrePostes: '1',
    diplomes: [{ certificationId: w.cert!.id, intitule: w.cert!.intitule, niveau: w.cert!.niveau }],
  };
}

function projetInput(w: World) {
  return {
    appellationCode: CARRELEUR.appellationCode,
    metier: 'Carreleur',
    types: ['APPRENTISSAGE'],
    certificationId: w.cert!.id,
    diplomeIntitule: w.cert!.intitule,
    dureeAnnees: '2',
    zoneRegion: false,
    departements: ['33'],
    formations: [],
    experiences: [],
    visible: true,
  };
}

function structureInput(w: World) {
  return {
    siret: w.A.siret,
    raisonSociale: w.A.raisonSociale,
    sigle: '',
    type: 'CFA',
    codeNaf: '85.32Z',
    domaineActivite: 'P',
    effectif: '12',
    adresse: '1 rue du Test',
    complementAdresse: '',
    codePostal: '33000',
    communeInsee: '33063',
    telephone: '05 56 00 00 00',
    email: 'contact@matrice.test',
    accueilStagiaires3e: false,
    accueilStagiaires2de: false,
  };
}

function employeurInput() {
  return {
    siret: randomSiret(),
    raisonSociale: 'Menuiserie de la matrice',
    sigle: '',
    codeNaf: '4332A',
    effectif: '02',
    nomCommercial: '',
    email: '',
    domaineActivite: 'F',
    telephone: '',
    adresse: '3 rue des Artisans',
    complementAdresse: '',
    codePostal: '33000',
    ville: 'BORDEAUX',
    communeInsee: '',
  };
}

const A = (args: (w: World, persona: PersonaName) => unknown[], via: string | ((w: World) => string), expected: Expected, extra: Partial<ActionEntry> = {}): ActionEntry => ({
  kind: 'action',
  args,
  via: typeof via === 'string' ? () => via : via,
  expected,
  ...extra,
});
const page = (url: string | ((w: World) => string), expected: Expected): PageEntry => ({ kind: 'page', url: typeof url === 'string' ? () => url : url, expected });
const route = (url: string | ((w: World) => string), expected: Expected, extra: Partial<RouteEntry> = {}): RouteEntry => ({
  kind: 'route',
  url: typeof url === 'string' ? () => url : url,
  expected,
  ...extra,
});

export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export const TABLE: Record<string, Entry> = {
  // ── public pages ──
  'PAGE /': page('/', PUBLIC),
  'PAGE /accessibilite': page('/accessibilite', PUBLIC),
  'PAGE /aide': page('/aide', PUBLIC),
  'PAGE /aide/mode-emploi': page('/aide/mode-emploi', PUBLIC),
  'PAGE /charte': page('/charte', PUBLIC),
  'PAGE /confidentialite': page('/confidentialite', PUBLIC),
  'PAGE /mentions-legales': page('/mentions-legales', PUBLIC),
  'PAGE /politique-rgpd': page('/politique-rgpd', PUBLIC),
  'PAGE /vite-mon-stage': page('/vite-mon-stage', PUBLIC),
  'PAGE /offres': page('/offres', PUBLIC),
  'PAGE /offres/[numero]': page((w) => `/offres/${w.offre.numero}`, PUBLIC),
  'PAGE /offres/[numero]/indisponible': page((w) => `/offres/${w.offre.numero}/indisponible`, P('404', '404', '404', '404', '404', '404', '404', '404')),
  'PAGE /offres/[numero]/postuler': page((w) => `/offres/${w.offrePostuler.numero}/postuler`, CANDIDAT_PAGE),
  // ── sign-in pages ──
  'PAGE /connexion': page('/connexion', SIGNED_OUT_PAGE),
  'PAGE /inscription': page('/inscription', SIGNED_OUT_PAGE),
  'PAGE /mot-de-passe-oublie': page('/mot-de-passe-oublie', PUBLIC),
  'PAGE /reinitialiser-mot-de-passe/[token]': page('/reinitialiser-mot-de-passe/jeton-inexistant-0000000000', PUBLIC),
  'PAGE /invitation/[token]': page('/invitation/jeton-inexistant-0000000000', PUBLIC),
  // ── acteurs ──
  'PAGE /mes-offres': page('/mes-offres', STAFF_PAGE),
  'PAGE /mes-offres/nouvelle': page('/mes-offres/nouvelle', STAFF_PAGE),
  'PAGE /mes-offres/[numero]': page((w) => `/mes-offres/${w.offre.numero}`, STAFF_PAGE_A),
  'PAGE /mes-offres/[numero]/modifier': page((w) => `/mes-offres/${w.offre.numero}/modifier`, STAFF_PAGE_A),
  'PAGE /mes-offres/employeurs': page('/mes-offres/employeurs', STAFF_PAGE),
  'PAGE /mes-offres/employeurs/ajouter': page('/mes-offres/employeurs/ajouter', STAFF_PAGE),
  'PAGE /mon-compte/informations': page('/mon-compte/informations', STAFF_PAGE),
  'PAGE /mon-compte/structure': page('/mon-compte/structure', STAFF_PAGE),
  'PAGE /mon-compte/utilisateurs': page('/mon-compte/utilisateurs', GESTIONNAIRE_PAGE),
  'PAGE /mon-espace': page('/mon-espace', STAFF_PAGE),
  'PAGE /mon-espace/alertes': page('/mon-espace/alertes', STAFF_PAGE),
  'PAGE /mon-espace/candidatures': page('/mon-espace/candidatures', STAFF_PAGE),
  'PAGE /mon-espace/candidatures/[numero]': page((w) => `/mon-espace/candidatures/${w.candidature.numero}`, STAFF_PAGE_A),
  'PAGE /mon-espace/favoris': page('/mon-espace/favoris', STAFF_PAGE),
  'PAGE /mon-espace/profils': page('/mon-espace/profils', STAFF_PAGE),
  'PAGE /mon-espace/profils/[numero]': page((w) => `/mon-espace/profils/${w.projet.numero}`, STAFF_PAGE),
  // ── candidats ──
  'PAGE /candidat': page('/candidat', CANDIDAT_PAGE),
  'PAGE /candidat/candidatures': page('/candidat/candidatures', CANDIDAT_PAGE),
  'PAGE /candidat/candidatures/[numero]': page((w) => `/candidat/candidatures/${w.candidature.numero}`, CANDIDAT_PAGE_A),
  'PAGE /candidat/donnees': page('/candidat/donnees', CANDIDAT_PAGE),
  'PAGE /candidat/messages': page('/candidat/messages', CANDIDAT_PAGE),
  'PAGE /candidat/projets': page('/candidat/projets', CANDIDAT_PAGE),
  'PAGE /candidat/projets/nouveau': page('/candidat/projets/nouveau', CANDIDAT_PAGE),
  'PAGE /candidat/projets/[numero]/modifier': page((w) => `/candidat/projets/${w.projet.numero}/modifier`, CANDIDAT_PAGE_A),
  // ── everyone signed in ──
  'PAGE /notifications': page('/notifications', SIGNED_IN_PAGE),
  'GET /notifications/[id]': route((w) => `/notifications/${w.notification.id}`, P('→/connexion', '→/candidat', '404', '404', '404', '404', '→/connexion', '404')),
  // ── admin ──
  'PAGE /admin': page('/admin', ADMIN_PAGE),
  'PAGE /admin/audit': page('/admin/audit', ADMIN_PAGE),
  'PAGE /admin/emails': page('/admin/emails', ADMIN_PAGE),
  'PAGE /admin/emails/[id]': page((w) => `/admin/emails/${w.email.id}`, ADMIN_PAGE),
  'PAGE /admin/employeurs': page('/admin/employeurs', ADMIN_PAGE),
  'PAGE /admin/offres': page('/admin/offres', ADMIN_PAGE),
  'PAGE /admin/structures': page('/admin/structures', ADMIN_PAGE),
  'PAGE /admin/structures/[numero]': page((w) => `/admin/structures/${w.A.numero}`, ADMIN_PAGE),
  'PAGE /admin/utilisateurs': page('/admin/utilisateurs', ADMIN_PAGE),
  'GET /admin/audit/export': route('/admin/audit/export', ADMIN_EXPORT),
  'GET /admin/emails/export': route('/admin/emails/export', ADMIN_EXPORT),
  'GET /admin/employeurs/export': route('/admin/employeurs/export', ADMIN_EXPORT),
  'GET /admin/offres/export': route('/admin/offres/export', ADMIN_EXPORT),
  'GET /admin/structures/export': route('/admin/structures/export', ADMIN_EXPORT),
  'GET /admin/utilisateurs/export': route('/admin/utilisateurs/export', ADMIN_EXPORT),
  // ── API ──
  'GET /api/health': route('/api/health', PUBLIC),
  'GET /api/auth/[...nextauth]': route('/api/auth/session', PUBLIC),
  // Auth.js's own sign-out without its CSRF token: refused, back to « Se connecter »
  'POST /api/auth/[...nextauth]': route('/api/auth/signout', P('→/connexion', '→/connexion', '→/connexion', '→/connexion', '→/connexion', '→/connexion', '→/connexion', '→/connexion')),
  'GET /api/candidat/export': route('/api/candidat/export', P('401', 'ok', 'ok', '404', '404', '404', '401', '404')),
  'GET /api/candidatures/[numero]/cv': route((w) => `/api/candidatures/${w.candidature.numero}/cv`, P('401', '404', '404', '404', '404', '404', '401', '404')),
  'GET /api/cv': route('/api/cv', P('401', '404', '404', '404', '404', '404', '401', '404')),
  'POST /api/cv': route('/api/cv', P('401', 'ok', 'ok', '403', '403', '403', '401', '403'), {
    multipart: () => ({ fichier: { name: 'cv.pdf', mimeType: 'application/pdf', buffer: TINY_PDF } }),
  }),

  // ── server actions ──
  'ACTION lib/actions/admin-emails.ts#retryEmailAction': A((w) => [w.email.id], '/admin/emails', ADMIN_ACTION),
  'ACTION lib/actions/admin-employeurs.ts#decideEmployeurAction': A((w) => [w.enAttente1.id, { status: 'VALIDE' }], '/admin/employeurs', ADMIN_ACTION),
  'ACTION lib/actions/admin-employeurs.ts#validerEmployeursAction': A((w) => [[w.enAttente2.id]], '/admin/employeurs', ADMIN_ACTION),
  'ACTION lib/actions/admin-offres.ts#depublierOffreAction': A((w) => [{ numero: w.offreDepublier.numero, motif: 'Offre contraire à la charte.' }], '/admin/offres', ADMIN_ACTION),
  'ACTION lib/actions/admin-structures.ts#setStructureActiveAction': A(
    (w) => [{ structureId: w.C.id, active: false, motif: 'Structure fermée.' }],
    (w) => `/admin/structures/${w.C.numero}`,
    ADMIN_ACTION,
  ),
  'ACTION lib/actions/admin-utilisateurs.ts#setUtilisateurActifAction': A((w) => [w.collegue2.id, { actif: false, motif: 'Départ.' }], '/admin/utilisateurs', ADMIN_ACTION),
  'ACTION lib/actions/admin-utilisateurs.ts#envoyerLienReinitialisationAction': A((w) => [w.utilisateur.id], '/admin/utilisateurs', ADMIN_ACTION),
  'ACTION lib/actions/admin-utilisateurs.ts#creerAdministrateurAction': A(
    () => [{ prenom: 'Ada', nom: 'Matrice', email: uniqueEmail('mat-admin') }],
    '/admin/utilisateurs',
    ADMIN_ACTION,
  ),
  'ACTION lib/actions/alertes.ts#dismissAlerteAction': // each allowed member dismisses an alert of his own (a second call would find it already dismissed)
    A((w, p) => [{ id: p === 'gestionnaire' ? w.alerte2.id : w.alerte.id }], '/mon-espace/alertes', STAFF_ACTION_A),
  'ACTION lib/actions/auth.ts#signInAction': A(() => [{ email: uniqueEmail('mat-inconnu'), password: 'Mauvais2026!' }], '/connexion', P('refus', 'refus', 'refus', 'refus', 'refus', 'refus', 'refus', 'refus'), { isolated: true }),
  'ACTION lib/actions/auth.ts#signUpAction': A(
    (w) => [{ kind: 'CANDIDAT', prenom: 'Eve', nom: 'Doublon', email: w.candidat.email, telephone: '', password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, acceptCgu: true }],
    '/inscription',
    P('refus', 'refus', 'refus', 'refus', 'refus', 'refus', 'refus', 'refus'),
    { isolated: true },
  ),
  'ACTION lib/actions/auth.ts#forgotPasswordAction': A((w) => [{ email: w.collegue.email }], '/mot-de-passe-oublie', PUBLIC),
  'ACTION lib/actions/auth.ts#resetPasswordAction': A(
    () => [{ token: 'jeton-inexistant-00000000000000', password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }],
    '/mot-de-passe-oublie',
    P('refus', 'refus', 'refus', 'refus', 'refus', 'refus', 'refus', 'refus'),
  ),
  'ACTION lib/actions/auth.ts#signOutAction': A(() => [], '/connexion', P('→/connexion', '→/connexion', '→/connexion', '→/connexion', '→/connexion', '→/connexion', '→/connexion', '→/connexion'), { isolated: true }),
  'ACTION lib/actions/candidat.ts#createProjetAction': A((w) => [projetInput(w)], '/candidat/projets/nouveau', P('→/connexion', '→/candidat/projets', '→/candidat/projets', '403', '403', '403', '→/connexion', '403')),
  'ACTION lib/actions/candidat.ts#updateProjetAction': A((w) => [w.projet.numero, projetInput(w)], '/candidat/projets/nouveau', P('→/connexion', '→/candidat/projets', 'introuvable', '403', '403', '403', '→/connexion', '403')),
  'ACTION lib/actions/candidat.ts#deleteProjetAction': A((w) => [w.projetSupprimer.numero], '/candidat/projets', CANDIDAT_ACTION_A),
  // each candidate's CV was uploaded just before (POST /api/cv)
  'ACTION lib/actions/candidat.ts#deleteCvAction': A(() => [], '/candidat/projets', P('→/connexion', 'ok', 'ok', '403', '403', '403', '→/connexion', '403')),
  'ACTION lib/actions/candidat.ts#postulerAction': A(
    (w) => [w.offrePostuler.numero, { projetNumero: w.projet.numero, message: 'Bonjour', joindreCv: false }],
    (w) => `/offres/${w.offrePostuler.numero}/postuler`,
    P('→/connexion', '→/candidat/candidatures/[n]', 'refus', '403', '403', '403', '→/connexion', '403'),
  ),
  // the right password would delete the account: a wrong one proves the candidate got past the guard to the data layer
  'ACTION lib/actions/candidat.ts#deleteAccountAction': A(() => [{ password: 'Mauvais2026!', confirmation: 'SUPPRIMER' }], '/candidat/donnees', P('→/connexion', 'refus', 'refus', '403', '403', '403', '→/connexion', '403')),
  'ACTION lib/actions/candidatures.ts#repondreCandidatureAction': A(
    // each allowed member answers an application of his own (a second answer is refused)
    (w, p) => [(p === 'gestionnaire' ? w.candidature2 : w.candidature).numero, { type: 'ENTRETIEN', message: 'Venez nous rencontrer.' }],
    (w) => `/mon-espace/candidatures/${w.candidature.numero}`,
    STAFF_ACTION_A,
  ),
  'ACTION lib/actions/compte.ts#updateInformationsAction': A(() => [{ prenom: 'Camille', nom: 'Martin', telephone: '' }], '/mon-compte/informations', STAFF_ACTION),
  // a wrong current password: the staff member reaches the data layer, nobody changes an address
  'ACTION lib/actions/compte.ts#changeEmailAction': A(() => [{ email: uniqueEmail('mat-nouvel'), currentPassword: 'Mauvais2026!' }], '/mon-compte/informations', P('→/connexion', '403', '403', 'refus', 'refus', 'refus', '→/connexion', '403')),
  'ACTION lib/actions/compte.ts#changePasswordAction': A(
    () => [{ currentPassword: 'Mauvais2026!', newPassword: NEW_PASSWORD, newPasswordConfirmation: NEW_PASSWORD }],
    '/mon-compte/informations',
    P('→/connexion', '403', '403', 'refus', 'refus', 'refus', '→/connexion', '403'),
  ),
  'ACTION lib/actions/employeurs.ts#requestEmployeurAction': A(() => [employeurInput()], '/mes-offres/employeurs/ajouter', P('→/connexion', '403', '403', '→/mes-offres/employeurs', '→/mes-offres/employeurs', '→/mes-offres/employeurs', '→/connexion', '403')),
  'ACTION lib/actions/membres.ts#addMembreAction': A(() => [{ email: uniqueEmail('mat-ajout'), role: 'UTILISATEUR' }], INVITATION_VIA, P('→/connexion', '403', '403', '→/?erreur=gestionnaire', 'ok', 'ok', '→/connexion', '403')),
  'ACTION lib/actions/membres.ts#cancelInvitationAction': A((w) => [{ id: w.invitation.id }], INVITATION_VIA, GESTIONNAIRE_ACTION_A),
  'ACTION lib/actions/membres.ts#removeMembreAction': A((w) => [{ numero: w.collegue.numero }], INVITATION_VIA, GESTIONNAIRE_ACTION_A),
  'ACTION lib/actions/membres.ts#transferRightsAction': A((w) => [{ numero: w.utilisateur.numero }], INVITATION_VIA, P('→/connexion', '403', '403', '→/?erreur=gestionnaire', '→/mon-espace', 'introuvable', '→/connexion', '403'), { last: true }),
  'ACTION lib/actions/membres.ts#acceptInvitationAction': A(
    () => [{ token: 'jeton-inexistant-0000000000', prenom: 'Noé', nom: 'Nouveau', telephone: '', password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }],
    INVITATION_VIA,
    P('refus', 'refus', 'refus', 'refus', 'refus', 'refus', 'refus', 'refus'),
  ),
  'ACTION lib/actions/membres.ts#signOutForInvitationAction': A(() => ['jeton-inexistant-0000000000'], INVITATION_VIA, P('→/invitation/jeton-inexistant-0000000000', '→/invitation/jeton-inexistant-0000000000', '→/invitation/jeton-inexistant-0000000000', '→/invitation/jeton-inexistant-0000000000', '→/invitation/jeton-inexistant-0000000000', '→/invitation/jeton-inexistant-0000000000', '→/invitation/jeton-inexistant-0000000000', '→/invitation/jeton-inexistant-0000000000'), { isolated: true }),
  'ACTION lib/actions/mes-offres.ts#setOffreStatusAction': A((w) => [{ numero: w.offreStatut.numero, status: 'POURVUE' }], '/mes-offres', STAFF_ACTION_A),
  // the tutorial: the signed-in user's own progress, the acteurs' tour refused to candidates and admins
  'ACTION lib/actions/tutoriel.ts#saveTutorielEtapeAction': A(() => [{ parcours: 'ACTEUR', etape: 2 }], '/aide', TUTORIEL_ACTEUR_ACTION),
  'ACTION lib/actions/tutoriel.ts#passerTutorielAction': A(() => [{ parcours: 'ACTEUR', etape: 3 }], '/aide', TUTORIEL_ACTEUR_ACTION),
  'ACTION lib/actions/tutoriel.ts#terminerTutorielAction': A(() => [{ parcours: 'ACTEUR' }], '/aide', TUTORIEL_ACTEUR_ACTION),
  'ACTION lib/actions/notifications.ts#markAllNotificationsReadAction': A(() => [], '/notifications', P('→/connexion', 'ok', 'ok', 'ok', 'ok', 'ok', '→/connexion', 'ok')),
  'ACTION lib/actions/offres.ts#createOffreAction': A((w) => [offreInput(w)], '/mes-offres/nouvelle', P('→/connexion', '403', '403', '→/mes-offres/[n]', '→/mes-offres/[n]', 'refus', '→/connexion', '403')),
  'ACTION lib/actions/offres.ts#updateOffreAction': A((w) => [w.offre.numero, offreInput(w)], '/mes-offres/nouvelle', P('→/connexion', '403', '403', '→/mes-offres/[n]', '→/mes-offres/[n]', 'introuvable', '→/connexion', '403')),
  'ACTION lib/actions/profils.ts#toggleFavoriAction': A((w) => [w.projet.numero, true], '/mon-espace/favoris', STAFF_ACTION),
  'ACTION lib/actions/profils.ts#contactProfilAction': A((w) => [w.projet.numero, { message: 'Bonjour, votre profil nous intéresse.' }], (w) => `/mon-espace/profils/${w.projet.numero}`, STAFF_ACTION),
  'ACTION lib/actions/referentiels.ts#searchAppellationsAction': A(() => ['carrel'], '/mes-offres/nouvelle', SIGNED_IN_PAGE),
  'ACTION lib/actions/referentiels.ts#searchCertificationsAction': A(() => ['carrel'], '/mes-offres/nouvelle', SIGNED_IN_PAGE),
  'ACTION lib/actions/structure.ts#lookupSiretAction': A((w) => [w.A.siret], '/mon-compte/structure', STAFF_ACTION),
  'ACTION lib/actions/structure.ts#communesAction': A(() => ['33000'], '/mon-compte/structure', STAFF_ACTION),
  // an acteur who already has a structure gets past the guard (requireActeur) and is refused by the data layer
  'ACTION lib/actions/structure.ts#createStructureAction': A((w) => [{ ...structureInput(w), siret: randomSiret() }], '/mon-compte/structure', P('→/connexion', '403', '403', 'refus', 'refus', 'refus', '→/connexion', '403')),
  // the utilisateur is refused by the data layer (« Seul le gestionnaire… »); the other gestionnaire edits his own structure
  'ACTION lib/actions/structure.ts#updateStructureAction': A((w) => [structureInput(w)], '/mon-compte/structure', P('→/connexion', '403', '403', 'refus', 'ok', 'ok', '→/connexion', '403')),
};

export { DEMO_PASSWORD };
