import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import type { TypeAlternanceFiltre } from '@/lib/validations/profils';

/** « 1 profil », « 12 profils » (French: 0 and 1 take the singular; the page says « Aucun profil » for 0). */
export function profilsCount(n: number): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? 'profils' : 'profil'}`;
}

/** « Contrat d'apprentissage, Contrat de professionnalisation » */
export function typesLabel(types: readonly TypeAlternanceFiltre[]): string {
  return types.map((t) => TYPE_ALTERNANCE_LABELS[t]).join(', ');
}
