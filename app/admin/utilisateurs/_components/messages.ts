/** Wording of « Utilisateurs » (admin), in one place. */
import type { UtilisateurRow } from '@/lib/data/admin-utilisateurs';

export const ROLE_OPTIONS = [
  { value: 'CANDIDAT', label: 'Candidat' },
  { value: 'ACTEUR', label: 'Acteur' },
  { value: 'ADMIN', label: 'Administrateur' },
] as const;

export type RoleValue = (typeof ROLE_OPTIONS)[number]['value'];

export const ROLE_LABEL: Record<RoleValue, string> = { CANDIDAT: 'Candidat', ACTEUR: 'Acteur', ADMIN: 'Administrateur' };

/** « Acteur — GESTIONNAIRE (CFA du Bâtiment) » */
export function roleOf(row: Pick<UtilisateurRow, 'role' | 'membershipRole' | 'structure'>): string {
  const base = ROLE_LABEL[row.role];
  if (row.role !== 'ACTEUR') return base;
  if (!row.membershipRole || !row.structure) return `${base} (sans structure)`;
  return `${base} — ${row.membershipRole} (${row.structure.raisonSociale})`;
}

export const ADMIN_UTILISATEURS_MESSAGES = {
  desactive: (nom: string) => `Le compte de ${nom} a été désactivé : sa session est fermée et il a été prévenu par e-mail.`,
  reactive: (nom: string) => `Le compte de ${nom} a été réactivé : il peut de nouveau se connecter et a été prévenu par e-mail.`,
  sansGestionnaire: (structure: string) => `Attention : la structure « ${structure} » n'a plus de gestionnaire actif.`,
  lienEnvoye: (nom: string, email: string) => `Un lien de réinitialisation du mot de passe a été envoyé à ${nom} (${email}). Il est valable 1 heure.`,
} as const;

export const CSV_HEADERS = ['Numéro', 'Nom', 'Prénom', 'E-mail', 'Rôle', 'Rôle dans la structure', 'Structure', 'Actif', 'Dernière connexion', 'Créé le'];
