/**
 * The interactive tutorial (« Suivez le guide ! »): the guide's chapters, walked through in the real
 * interface. Shared by the server (validation of the saved step, the /aide page) and the client tour.
 *
 * Each step is shown on `route` and highlights the first element found among `targets`
 * (`data-tutoriel="<id>"` attributes on the real menus, buttons and fields); when none is on the
 * page (no application to answer yet, no employer yet…) the page's title is highlighted instead,
 * with the same explanation.
 */

export type Parcours = 'ACTEUR' | 'CANDIDAT';
export type TutorielStatut = 'JAMAIS_PROPOSE' | 'PROPOSE' | 'EN_COURS' | 'PASSE' | 'TERMINE';

export interface TutorielStep {
  /** the guide's chapter title, verbatim */
  title: string;
  /** the guide's own sentences */
  text: string;
  route: string;
  /** data-tutoriel ids, first found wins */
  targets: string[];
}

/** Where a step falls back to when its page is not for this user (« Utilisateurs de ma structure » for an UTILISATEUR). */
interface StepDefinition extends TutorielStep {
  gestionnaireOnly?: { route: string; targets: string[]; text: string };
}

const ACTEUR_STEPS: StepDefinition[] = [
  {
    title: 'Se connecter',
    text: 'Vous avez créé votre compte : connectez-vous avec vos identifiants (e-mail et mot de passe). Une fois connecté, votre nom et votre structure s’affichent ici.',
    route: '/mon-espace',
    targets: ['compte'],
  },
  {
    title: 'Créer la structure',
    text: 'Lors de votre première connexion on vous demande de compléter les informations concernant votre structure. Saisissez le n° de Siret/Siren : les champs « Raison sociale », « Code Naf » et « Domaine d’activité » seront automatiquement renseignés.',
    route: '/mon-compte/structure',
    targets: ['structure-identification'],
  },
  {
    title: 'Focus sur le stage de troisième',
    text: 'Avec le stage d’observation, vous accueillez des stagiaires de 3ème, de seconde... Vous pouvez cocher la case indiquant que vous pouvez accueillir des stagiaires de 3e/2de : votre structure est alors référencée sur « Vite mon stage ».',
    route: '/mon-compte/structure',
    targets: ['structure-stagiaires'],
  },
  {
    title: 'Ma structure',
    text: 'Mon compte - Ma structure : vous retrouvez les informations de votre structure.',
    route: '/mon-compte/structure',
    targets: ['menu-mon-compte'],
  },
  {
    title: 'Mes informations personnelles',
    text: 'Mon compte - Mes informations personnelles : vous retrouvez les informations de votre compte.',
    route: '/mon-compte/informations',
    targets: ['informations'],
  },
  {
    title: 'Utilisateurs de ma structure',
    text: 'En tant que gestionnaire ce menu vous permet : 1 : d’ajouter des collaborateurs de votre structure en tant que gestionnaire ; 2 : de transférer vos droits si nécessaire.',
    route: '/mon-compte/utilisateurs',
    targets: ['utilisateurs-actions'],
    gestionnaireOnly: {
      route: '/mon-compte/informations',
      targets: ['menu-mon-compte'],
      text: 'Si vous n’êtes pas gestionnaire du compte, vous ne pouvez pas avoir accès à ce menu : seul le gestionnaire peut accéder aux rôles utilisateurs de ma structure.',
    },
  },
  {
    title: 'Suivi des employeurs',
    text: 'A partir de ce menu vous pouvez voir la liste des employeurs que vous avez ajoutés et ajouter des entreprises partenaires pour lesquelles vous souhaitez diffuser des offres. Cliquez sur « Ajouter un employeur » : la demande devra être validée par l’équipe CMonAlternance.',
    route: '/mes-offres/employeurs',
    targets: ['ajouter-employeur'],
  },
  {
    title: 'Créer une offre',
    text: 'Vous devez renseigner vos offres le plus précisément possible. Vous devez renseigner le champ « L’employeur » en sélectionnant l’employeur pour lequel vous créez l’offre. N’oubliez pas de renseigner un ou plusieurs diplômes.',
    route: '/mes-offres/nouvelle',
    targets: ['offre-employeur'],
  },
  {
    title: 'Gérer ses offres',
    text: 'A partir de ce menu vous pouvez gérer vos offres. Vous retrouvez vos offres « En cours », « Pourvues », « Archivées », et vous pouvez modifier leur statut à tout moment.',
    route: '/mes-offres',
    targets: ['offres-statuts'],
  },
  {
    title: 'Tableau de bord',
    text: 'Les alertes sont les profils de candidats qui correspondent à vos offres. Les favoris sont les profils de candidats que vous sélectionnez. Les candidatures sont les candidatures à vos offres publiées : pour y répondre vous devez impérativement passer par votre tableau de bord.',
    route: '/mon-espace',
    targets: ['tableau-de-bord'],
  },
  {
    title: 'Marquer des profils en favori',
    text: 'Recherchez des profils de candidat : saisissez un mot clé (métiers, contrat, diplôme...). Lorsque vous repérez un candidat qui vous intéresse, cliquez sur « Détails » puis cochez l’icône « Coeur ».',
    route: '/mon-espace/profils',
    targets: ['recherche-profils'],
  },
  {
    title: 'Gérer les candidatures à vos offres',
    text: 'A partir de ce menu vous pouvez gérer les candidatures à vos offres, contacter un candidat, répondre à une candidature. Vous retrouvez les candidatures « A traiter », « Acceptées », « Refusées ».',
    route: '/mon-espace/candidatures',
    targets: ['candidatures-statuts'],
  },
  {
    title: 'Répondre à une candidature',
    text: 'Pour répondre à une candidature : dans « A traiter » cliquez sur « Détails », puis sur « Répondre à cette candidature ». Attention : les candidats n’ont pas vos coordonnées, indiquez-leur un mail ou un numéro de téléphone.',
    route: '/mon-espace/candidatures',
    targets: ['candidature-details', 'candidatures-statuts'],
  },
];

const CANDIDAT_STEPS: TutorielStep[] = [
  {
    title: 'Mon projet',
    text: 'Créez un projet : métier recherché, type d’alternance, diplôme, durée, zone de recherche. Il vous en faut un pour postuler à une offre ; visible, il permet aux acteurs de la formation et de l’insertion de vous trouver.',
    route: '/candidat/projets',
    targets: ['creer-projet'],
  },
  {
    title: 'Mon CV',
    text: 'Déposez votre CV (PDF, 5 Mo au plus). Il n’est transmis qu’avec vos candidatures, à la structure qui a publié l’offre.',
    route: '/candidat/projets',
    targets: ['cv'],
  },
  {
    title: 'Postuler',
    text: 'Cherchez une offre, ouvrez-la, puis cliquez sur « Postuler » : choisissez le projet et le CV à joindre et écrivez un message.',
    route: '/offres',
    targets: ['recherche-offres'],
  },
  {
    title: 'Suivre mes candidatures',
    text: 'Retrouvez ici vos candidatures : chacune est « Envoyée », « Entretien proposé » ou « Non retenue ». Vous êtes prévenu par e-mail lorsque la structure vous répond.',
    route: '/candidat/candidatures',
    targets: ['menu-mon-espace-candidat'],
  },
];

export const TOUR_LENGTH: Record<Parcours, number> = { ACTEUR: ACTEUR_STEPS.length, CANDIDAT: CANDIDAT_STEPS.length };

/** The tour a user may follow: acteurs with a completed structure, candidates; nobody else. */
export function parcoursFor(user: { role: string; membership: { structure: { completedAt: Date | null } } | null } | null): Parcours | null {
  if (!user) return null;
  if (user.role === 'CANDIDAT') return 'CANDIDAT';
  if (user.role === 'ACTEUR' && user.membership?.structure.completedAt) return 'ACTEUR';
  return null;
}

/** The steps of a tour as this user sees them (an UTILISATEUR is told why « Utilisateurs de ma structure » is not his). */
export function stepsFor(parcours: Parcours, opts: { gestionnaire: boolean }): TutorielStep[] {
  if (parcours === 'CANDIDAT') return CANDIDAT_STEPS;
  return ACTEUR_STEPS.map(({ gestionnaireOnly, ...step }) => (gestionnaireOnly && !opts.gestionnaire ? { ...step, ...gestionnaireOnly } : step));
}

/** « 3 / 13 » and its spoken form « Étape 3 sur 13 ». */
export function progressLabel(etape: number, total: number): { visible: string; spoken: string } {
  return { visible: `${etape} / ${total}`, spoken: `Étape ${etape} sur ${total}` };
}

export interface TutorielState {
  parcours: Parcours;
  statut: TutorielStatut;
  /** 1-based; meaningful while EN_COURS (and kept after « Passer » so that /aide can resume) */
  etape: number | null;
}
