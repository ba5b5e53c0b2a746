import { z } from 'zod';
import { CODES_DEPARTEMENTS_NA } from '@/lib/referentiels/departements';
import { TYPES_ALTERNANCE } from '@/lib/validations/offre';

/** « Mes projets », « Postuler », « Mes données »: schemas shared by the forms and the server actions. */

export const PROJETS_MAX = 10;
export const FORMATIONS_MAX = 10;
export const EXPERIENCES_MAX = 10;
export const MISSIONS_MAX = 1000;
export const MESSAGE_CANDIDATURE_MAX = 2000;
export const CANDIDATURES_PAR_JOUR = 20;
export const DUREES_ALTERNANCE = ['1', '2', '3'] as const;
export const FORMATION_STATUTS = ['VALIDE', 'EN_COURS', 'NON_VALIDE'] as const;
export const EXPERIENCE_TYPES = ['STAGE', 'EMPLOI', 'JOB_ETUDIANT', 'BENEVOLAT'] as const;

export const FORMATION_STATUT_LABELS = { VALIDE: 'Validé', EN_COURS: 'En cours', NON_VALIDE: 'Non validé' } as const;
export const EXPERIENCE_TYPE_LABELS = { STAGE: 'Stage', EMPLOI: 'Emploi', JOB_ETUDIANT: 'Job étudiant', BENEVOLAT: 'Bénévolat' } as const;

export const PROJET_MESSAGES = {
  metier: 'Saisissez un métier puis choisissez-le dans la liste proposée.',
  metierInconnu: "Ce métier n'existe pas dans le référentiel : saisissez-le de nouveau et choisissez-le dans la liste proposée.",
  types: "Cochez au moins un type d'alternance recherchée.",
  diplome: 'Saisissez le diplôme visé puis choisissez-le dans la liste proposée.',
  diplomeInconnu: "Ce diplôme n'existe pas dans le référentiel : saisissez-le de nouveau et choisissez-le dans la liste proposée.",
  duree: "Choisissez la durée de l'alternance : 1, 2 ou 3 années.",
  zone: 'Choisissez votre zone de recherche : toute la Nouvelle-Aquitaine ou au moins un département.',
  departement: 'Choisissez des départements de Nouvelle-Aquitaine dans la liste.',
  formationIntitule: "Saisissez l'intitulé de la formation (200 caractères au plus).",
  formationStatut: 'Choisissez le statut de la formation : Validé, En cours ou Non validé.',
  formationAnnee: "L'année est un nombre à 4 chiffres, entre 1970 et l'an prochain.",
  formationsTrop: `Vous pouvez indiquer au plus ${FORMATIONS_MAX} formations.`,
  experienceType: "Choisissez le type d'expérience : Stage, Emploi, Job étudiant ou Bénévolat.",
  experienceIntitule: "Saisissez l'intitulé de l'expérience (200 caractères au plus).",
  experienceEntreprise: "Le nom de l'entreprise ne doit pas dépasser 200 caractères.",
  experienceSemaines: 'La durée en semaines est un nombre entier, de 0 à 520.',
  experienceJours: 'La durée en jours est un nombre entier, de 0 à 6.',
  experienceMissions: `Les missions ne doivent pas dépasser ${MISSIONS_MAX} caractères.`,
  experiencesTrop: `Vous pouvez indiquer au plus ${EXPERIENCES_MAX} expériences.`,
  projetsTrop: `Vous avez déjà ${PROJETS_MAX} projets : supprimez-en un avant d'en créer un autre.`,
  introuvable: 'Projet introuvable.',
  cree: 'Votre projet a bien été créé.',
  modifie: 'Votre projet a bien été modifié.',
  supprime: 'Votre projet a bien été supprimé.',
} as const;

const text = (max: number, message: string) => z.string({ error: message }).trim().min(1, message).max(max, message);
const optionalText = (max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .max(max, message)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** A whole number typed in a text input ('' → null), or sent as a number. */
const intField = (min: number, max: number, message: string) =>
  z
    .union([z.string(), z.number(), z.null(), z.undefined()], { error: message })
    .transform((v) => (v === null || v === undefined ? null : typeof v === 'number' ? v : v.trim() === '' ? null : /^\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN))
    .refine((v) => v === null || (Number.isInteger(v) && v >= min && v <= max), message);

export function anneeMax(now: Date = new Date()) {
  return now.getFullYear() + 1;
}

export const formationSchema = z.object({
  intitule: text(200, PROJET_MESSAGES.formationIntitule),
  statut: z.enum(FORMATION_STATUTS, { error: PROJET_MESSAGES.formationStatut }),
  annee: intField(1970, anneeMax(), PROJET_MESSAGES.formationAnnee),
});

export const experienceSchema = z.object({
  type: z.enum(EXPERIENCE_TYPES, { error: PROJET_MESSAGES.experienceType }),
  intitule: text(200, PROJET_MESSAGES.experienceIntitule),
  entreprise: optionalText(200, PROJET_MESSAGES.experienceEntreprise),
  dureeSemaines: intField(0, 520, PROJET_MESSAGES.experienceSemaines),
  dureeJours: intField(0, 6, PROJET_MESSAGES.experienceJours),
  missions: optionalText(MISSIONS_MAX, PROJET_MESSAGES.experienceMissions),
});

export const projetSchema = z
  .object({
    appellationCode: z.string({ error: PROJET_MESSAGES.metier }).trim().min(1, PROJET_MESSAGES.metier).max(20, PROJET_MESSAGES.metier),
    /** the chosen libellé, for the form only: the server reads it from the referential */
    metier: z.string().max(300).optional(),
    types: z
      .array(z.enum(TYPES_ALTERNANCE, { error: PROJET_MESSAGES.types }), { error: PROJET_MESSAGES.types })
      .min(1, PROJET_MESSAGES.types)
      .transform((v) => TYPES_ALTERNANCE.filter((t) => v.includes(t))),
    certificationId: z.string({ error: PROJET_MESSAGES.diplome }).trim().min(1, PROJET_MESSAGES.diplome).max(40, PROJET_MESSAGES.diplome),
    /** shown in the form only */
    diplomeIntitule: z.string().max(300).optional(),
    dureeAnnees: z.enum(DUREES_ALTERNANCE, { error: PROJET_MESSAGES.duree }).transform(Number),
    zoneRegion: z.boolean({ error: PROJET_MESSAGES.zone }),
    departements: z
      .array(z.enum(CODES_DEPARTEMENTS_NA as [string, ...string[]], { error: PROJET_MESSAGES.departement }), { error: PROJET_MESSAGES.departement })
      .max(12, PROJET_MESSAGES.departement)
      .transform((v) => CODES_DEPARTEMENTS_NA.filter((c) => v.includes(c))),
    formations: z.array(formationSchema, { error: PROJET_MESSAGES.formationsTrop }).max(FORMATIONS_MAX, PROJET_MESSAGES.formationsTrop),
    experiences: z.array(experienceSchema, { error: PROJET_MESSAGES.experiencesTrop }).max(EXPERIENCES_MAX, PROJET_MESSAGES.experiencesTrop),
    visible: z.boolean({ error: 'Indiquez si votre projet est visible par les acteurs de la formation et de l’insertion.' }),
  })
  .superRefine(
    (v, ctx) => {
      if (!v.zoneRegion && v.departements.length === 0) ctx.addIssue({ code: 'custom', path: ['departements'], message: PROJET_MESSAGES.zone });
    },
    // checked even when other fields are wrong, so that every error shows at the first « Enregistrer »
    // (and never on a forged input that is not an object at all: already refused, it would crash here)
    { when: (payload) => !payload.issues.some((i) => !i.path?.length || i.path[0] === 'zoneRegion' || i.path[0] === 'departements') },
  )
  // the whole region makes the list of départements meaningless
  .transform((v) => ({ ...v, departements: v.zoneRegion ? [] : v.departements }));

export type ProjetInput = z.input<typeof projetSchema>;
export type ProjetData = z.output<typeof projetSchema>;

/** « 000000905 » or « 905 » in a URL or a request. */
export const numeroSchema = z.coerce
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .refine((n) => n >= 1 && n <= 2_147_483_647);

export function parseNumero(value: unknown): number | null {
  const parsed = numeroSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

// ── Postuler ──

export const CANDIDATURE_MESSAGES = {
  projet: 'Choisissez le projet avec lequel vous postulez.',
  message: `Votre message ne doit pas dépasser ${MESSAGE_CANDIDATURE_MAX} caractères.`,
  dejaPostule: 'Vous avez déjà postulé à cette offre : retrouvez votre candidature dans « Mes candidatures ».',
  offreFermee: "Cette offre n'est plus en cours : il n'est plus possible d'y postuler.",
  offreIntrouvable: 'Offre introuvable.',
  limite: `Vous avez déjà envoyé ${CANDIDATURES_PAR_JOUR} candidatures en 24 heures : c'est le maximum. Prenez le temps de préparer les suivantes et réessayez demain.`,
  cvManquant: "Vous avez choisi de joindre votre CV, mais vous n'en avez pas encore : envoyez votre CV au format PDF, ou décochez « Joindre mon CV ».",
  envoyee: 'Votre candidature a bien été envoyée.',
  introuvable: 'Candidature introuvable.',
} as const;

export const postulerSchema = z.object({
  projetNumero: z
    // null: no radio checked (react-hook-form); the refine below then says which field is missing
    .union([z.string(), z.number(), z.null(), z.undefined()], { error: CANDIDATURE_MESSAGES.projet })
    .transform((v) => parseNumero(v))
    .refine((v): v is number => v !== null, CANDIDATURE_MESSAGES.projet),
  message: optionalText(MESSAGE_CANDIDATURE_MAX, CANDIDATURE_MESSAGES.message),
  joindreCv: z.boolean({ error: 'Indiquez si vous joignez votre CV.' }),
});
export type PostulerInput = z.input<typeof postulerSchema>;
export type PostulerData = z.output<typeof postulerSchema>;

// ── Réponse des acteurs (« Répondre à cette candidature ») ──

export const REPONSE_TYPES = ['ENTRETIEN', 'REFUS'] as const;
export const REPONSE_MESSAGE_MAX = 4000;
export const REPONSE_MESSAGES = {
  type: 'Choisissez votre réponse : organiser un entretien / obtenir plus d’informations, ou refuser la candidature.',
  message: 'Écrivez un message au candidat.',
  messageLong: `Le message ne doit pas dépasser ${REPONSE_MESSAGE_MAX} caractères.`,
  dejaRepondu: 'Cette candidature a déjà reçu une réponse.',
} as const;

export const reponseSchema = z.object({
  type: z.enum(REPONSE_TYPES, { error: REPONSE_MESSAGES.type }),
  message: z.string({ error: REPONSE_MESSAGES.message }).trim().min(1, REPONSE_MESSAGES.message).max(REPONSE_MESSAGE_MAX, REPONSE_MESSAGES.messageLong),
});
export type ReponseInput = z.input<typeof reponseSchema>;

// ── Mes données ──

export const SUPPRESSION_CONFIRMATION = 'SUPPRIMER';
export const suppressionCompteSchema = z.object({
  password: z.string({ error: 'Saisissez votre mot de passe.' }).min(1, 'Saisissez votre mot de passe.').max(200, 'Mot de passe incorrect.'),
  confirmation: z
    .string({ error: `Saisissez ${SUPPRESSION_CONFIRMATION} pour confirmer.` })
    .trim()
    .refine((v) => v.toUpperCase() === SUPPRESSION_CONFIRMATION, `Saisissez ${SUPPRESSION_CONFIRMATION} pour confirmer.`),
});
export type SuppressionCompteInput = z.input<typeof suppressionCompteSchema>;

/** The candidate's words for an application's status (PRODUCT.md). */
export const STATUT_CANDIDAT_LABELS = { A_TRAITER: 'Envoyée', ACCEPTEE: 'Entretien proposé', REFUSEE: 'Non retenue' } as const;
/** What « Entretien proposé » means: the staff answered « Organiser un entretien / obtenir plus d'informations ». */
export const STATUT_CANDIDAT_DETAILS = {
  A_TRAITER: 'Votre candidature a été transmise : la structure qui suit cette offre vous répondra ici.',
  ACCEPTEE: 'Entretien proposé / Demande d’informations : la structure souhaite vous rencontrer ou en savoir plus.',
  REFUSEE: 'Votre candidature n’a pas été retenue pour cette offre.',
} as const;
