import { z } from 'zod';

/**
 * « Détail projet » (staff): the heart (« Profils favoris ») and « CONTACTER CE PROFIL ». Shared by
 * the client form and the server actions; no server-only import here.
 */

export const CONTACT_MESSAGE_MAX = 2000;
/** Messages a member of staff may send to candidates in 24 hours (lib/data/rate-limit.ts enforces it). */
export const CONTACTS_PAR_JOUR = 30;
export const FAVORIS_PAGE_SIZE = 10;

/** The guide's warning (« Répondre à une candidature »), which holds for « CONTACTER CE PROFIL » too. */
export const CONTACT_ATTENTION =
  "ATTENTION : n'oubliez pas d'indiquer un email de contact ou un n° de téléphone si vous souhaitez être recontacté par le candidat";

export const PROFIL_MESSAGES = {
  introuvable: "Ce projet n'est pas disponible : il n'existe pas, ou son candidat ne le rend plus visible.",
  message: 'Écrivez un message au candidat.',
  messageLong: `Votre message ne doit pas dépasser ${CONTACT_MESSAGE_MAX} caractères.`,
  limite: `Vous avez déjà envoyé ${CONTACTS_PAR_JOUR} messages à des candidats en 24 heures : c'est le maximum. Réessayez demain.`,
  envoye: 'Votre message a bien été envoyé au candidat. Il le lit dans son espace et le reçoit aussi par e-mail.',
  favori: 'Indiquez si le projet doit être ajouté à vos favoris ou en être retiré.',
  favoriAjoute: 'Le projet a été ajouté à vos favoris.',
  favoriRetire: 'Le projet a été retiré de vos favoris.',
} as const;

/** « 1 projet », « 2 projets », « Aucun projet favori » (the guide's « 1 projets », written correctly). */
export function nombreProjetsFavoris(total: number): string {
  if (total === 0) return 'Aucun projet favori';
  return total > 1 ? `${total} projets` : '1 projet';
}

export const contactProfilSchema = z.object({
  message: z
    .string({ error: PROFIL_MESSAGES.message })
    .trim()
    .min(1, PROFIL_MESSAGES.message)
    .max(CONTACT_MESSAGE_MAX, PROFIL_MESSAGES.messageLong),
});
export type ContactProfilInput = z.input<typeof contactProfilSchema>;
export type ContactProfilData = z.output<typeof contactProfilSchema>;

export const favoriSchema = z.boolean({ error: PROFIL_MESSAGES.favori });
