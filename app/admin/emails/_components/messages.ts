import type { EmailStatut } from '@/lib/data/admin-emails';

/** Wording of « E-mails » (admin), in one place. */

export const EMAIL_STATUT_LABELS: Record<EmailStatut, string> = {
  EN_ATTENTE: 'en attente',
  ENVOYE: 'envoyé',
  ECHEC: 'échec',
};

export const EMAIL_TABS = [
  { statut: undefined, slug: 'tous', label: 'Tous' },
  { statut: 'EN_ATTENTE', slug: 'en-attente', label: 'En attente' },
  { statut: 'ENVOYE', slug: 'envoyes', label: 'Envoyés' },
  { statut: 'ECHEC', slug: 'echecs', label: 'Échecs' },
] as const satisfies readonly { statut: EmailStatut | undefined; slug: string; label: string }[];

export const EMAILS_CSV_HEADERS = ['Date', 'Destinataire', 'Objet', 'Modèle', 'Statut', 'Tentatives', 'Dernière erreur', 'Envoyé le'];

export const ADMIN_EMAILS_MESSAGES = {
  renvoye: (to: string) => `L'e-mail à ${to} a été remis dans la file d'envoi : il va être envoyé dans quelques instants.`,
  renvoiImpossible: 'L’e-mail n’a pas pu être remis dans la file d’envoi.',
} as const;
