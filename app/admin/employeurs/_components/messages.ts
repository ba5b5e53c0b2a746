/** Wording of « Demandes d'employeurs » (admin), in one place. */

export const STATUT_TABS = [
  { statut: 'EN_ATTENTE', slug: 'en-attente', label: 'En attente' },
  { statut: 'VALIDE', slug: 'valides', label: 'Validés' },
  { statut: 'REFUSE', slug: 'refuses', label: 'Refusés' },
] as const;

export type StatutSlug = (typeof STATUT_TABS)[number]['slug'];

export const ADMIN_EMPLOYEURS_MESSAGES = {
  valide: (nom: string) => `La demande d'ajout de « ${nom} » a été validée : la structure a été prévenue par e-mail.`,
  refuse: (nom: string) => `La demande d'ajout de « ${nom} » a été refusée : la structure a été prévenue par e-mail, avec le motif.`,
  selectionVide: 'Sélectionnez au moins une demande à valider.',
  selectionTropGrande: 'Sélectionnez au plus 50 demandes à la fois.',
  validees: (n: number) => (n === 0 ? 'Aucune demande n’a été validée.' : n === 1 ? '1 demande a été validée : la structure a été prévenue par e-mail.' : `${n} demandes ont été validées : les structures ont été prévenues par e-mail.`),
  dejaTraitees: (noms: string[]) =>
    noms.length === 1 ? `Cette demande avait déjà été traitée : ${noms[0]}.` : `Ces ${noms.length} demandes avaient déjà été traitées : ${noms.join(', ')}.`,
} as const;

/** The warning computed at display time (the stored ones are already French sentences, computeAlertes). */
export function valideAilleursAlerte(n: number): string | null {
  if (n <= 0) return null;
  return n === 1 ? 'Ce Siret est déjà validé pour 1 autre structure.' : `Ce Siret est déjà validé pour ${n} autres structures.`;
}

export const CSV_HEADERS = ['Statut', 'Demandé le', 'Âge (jours)', 'Employeur', 'SIRET employeur', 'Structure', 'SIRET structure', 'Demandé par', 'Alertes', 'Décidé le', 'Motif du refus'];

/** Stored at request time by computeAlertes; superseded by the count computed now. */
const STALE_VALIDE_AILLEURS = 'Pour information : cet employeur est déjà validé pour';

/** Every warning of a request, as shown on the page and in the CSV export. */
export function alertesOf(row: { alertes: string[]; valideAilleurs: number }): string[] {
  const live = valideAilleursAlerte(row.valideAilleurs);
  return [...row.alertes.filter((a) => !a.startsWith(STALE_VALIDE_AILLEURS)), ...(live ? [live] : [])];
}
