import { z } from 'zod';
import { acceptCguSchema, nameSchema, telephoneSchema } from '@/lib/validations/auth';
import { newPasswordFields, passwordsMatch } from '@/lib/validations/password';

/** « Utilisateurs de ma structure »: schemas shared by the client forms and the server actions. */

export const MEMBRE_ROLES = ['GESTIONNAIRE', 'UTILISATEUR'] as const;

const membreRoleSchema = z.enum(MEMBRE_ROLES, { error: 'Choisissez le rôle : gestionnaire ou utilisateur.' });

/** The e-mail of the colleague to add (same rules as the account e-mail, worded for someone else's). */
const membreEmailSchema = z
  .string({ error: "Saisissez l'adresse e-mail de la personne à ajouter." })
  .trim()
  .min(1, "Saisissez l'adresse e-mail de la personne à ajouter.")
  .max(254, "L'adresse e-mail est trop longue.")
  .email('Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.')
  .transform((v) => v.toLowerCase());

/** « 1 AJOUTER UN GESTIONNAIRE »: by e-mail, as gestionnaire (default) or utilisateur. */
export const addMembreSchema = z.object({
  email: membreEmailSchema,
  role: membreRoleSchema,
});
export type AddMembreInput = z.input<typeof addMembreSchema>;

/** The member chosen in the list (his public user number). */
const membreNumeroSchema = z.coerce
  .number({ error: 'Sélectionnez un membre dans la liste.' })
  .int('Sélectionnez un membre dans la liste.')
  .positive('Sélectionnez un membre dans la liste.');

export const membreSelectionSchema = z.object({ numero: membreNumeroSchema });
export type MembreSelectionInput = z.input<typeof membreSelectionSchema>;

export const invitationIdSchema = z.object({ id: z.string().trim().min(1).max(64) });

/** The token of an invitation link (base64url, 32 random bytes). */
export const invitationTokenSchema = z.string().trim().min(20).max(200).regex(/^[\w-]+$/);

/** The sign-up form of an invitation link: the e-mail is the invited one, not typed. */
export const acceptInvitationSchema = z
  .object({
    token: invitationTokenSchema,
    prenom: nameSchema('prénom'),
    nom: nameSchema('nom'),
    telephone: telephoneSchema,
    ...newPasswordFields,
    acceptCgu: acceptCguSchema,
  })
  .refine(...passwordsMatch);
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

/** Messages of « Utilisateurs de ma structure », shared by the data layer, the pages and the tests. */
export const MEMBRES_MESSAGES = {
  /** Same words as the guide (and lib/auth/guards.ts GESTIONNAIRE_ONLY_MESSAGE). */
  reserveAuGestionnaire: 'Seul le gestionnaire peut accéder aux rôles utilisateurs de ma structure',
  membreIntrouvable: "Ce membre est introuvable dans votre structure. Rechargez la page : la liste a peut-être changé.",
  invitationIntrouvable: "Cette invitation est introuvable : elle a peut-être déjà été acceptée ou annulée. Rechargez la page.",
  selectionRequise: "Sélectionnez d'abord un membre dans la liste « Membres de la structure ».",
  dejaMembreIci: 'Cette personne est déjà membre de votre structure.',
  dejaMembreAilleurs:
    "Cette personne est déjà rattachée à une structure sur CMonAlternance. Elle doit d'abord en être retirée par le gestionnaire de cette structure avant de pouvoir rejoindre la vôtre.",
  pasUnActeur:
    "Cette adresse e-mail correspond à un compte qui n'est pas un compte d'acteur de la formation et de l'insertion : elle ne peut pas être ajoutée à une structure.",
  compteInactif: "Ce compte est désactivé : il ne peut pas être ajouté à une structure. Contactez l'équipe CMonAlternance.",
  retraitSoiMeme:
    "Vous ne pouvez pas vous retirer vous-même de la structure : demandez à un autre gestionnaire de le faire.",
  dernierGestionnaire:
    "Impossible : la structure doit toujours avoir au moins un gestionnaire. Ajoutez un autre gestionnaire ou transférez vos droits avant de quitter la structure.",
  transfertSoiMeme: 'Vous êtes déjà gestionnaire : sélectionnez le membre UTILISATEUR à qui transférer vos droits.',
  transfertDejaGestionnaire: 'Ce membre est déjà gestionnaire : sélectionnez un membre UTILISATEUR pour lui transférer vos droits.',
  invitationInconnue:
    "Ce lien d'invitation n'est pas valide. Vérifiez que vous avez copié le lien en entier, ou demandez au gestionnaire de la structure de vous inviter à nouveau.",
  invitationExpiree:
    "Cette invitation a expiré (elle était valable 7 jours). Demandez au gestionnaire de la structure de vous inviter à nouveau.",
  invitationUtilisee: 'Cette invitation a déjà été utilisée. Si vous avez créé votre compte, connectez-vous avec votre adresse e-mail.',
  compteExistant:
    'Un compte existe déjà avec cette adresse e-mail. Connectez-vous, puis demandez au gestionnaire de la structure de vous ajouter.',
  deconnexionRequise:
    "Vous êtes connecté(e) à un compte CMonAlternance. Pour accepter cette invitation et créer le compte de la personne invitée, déconnectez-vous d'abord.",
  droitsTransferes: 'Vos droits ont été transférés : vous êtes maintenant UTILISATEUR de votre structure.',
} as const;

export const INVITATION_TTL_DAYS = 7;
