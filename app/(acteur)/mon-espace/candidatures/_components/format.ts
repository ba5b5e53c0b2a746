import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { libelleZone } from '@/lib/referentiels/departements';

/** Display helpers shared by the cards and the detail of « Candidatures ». */

type Type = keyof typeof TYPE_ALTERNANCE_LABELS;

/** « Contrat d'apprentissage, Contrat de professionnalisation » (« Non précisé » when none). */
export function typesLabel(types: readonly Type[], separator = ', '): string {
  return types.map((t) => TYPE_ALTERNANCE_LABELS[t]).join(separator) || 'Non précisé';
}

/** « 1 année », « 2 années ». */
export function dureeAnneesLabel(annees: number | null): string {
  if (annees == null) return 'Non précisée';
  return `${annees} année${annees > 1 ? 's' : ''}`;
}

/** The project's zone de recherche: « Nouvelle-Aquitaine (toute la région) » or « Gironde, Landes ». */
export function zoneLabel(zoneRegion: boolean, departements: readonly string[]): string {
  return libelleZone(zoneRegion, departements) || 'Non précisée';
}

/** « 3 semaines / 5 jours », as the guide writes an experience's length (null when neither). */
export function dureeExperience(semaines: number | null, jours: number | null): string | null {
  const parts = [semaines ? `${semaines} semaine${semaines > 1 ? 's' : ''}` : null, jours ? `${jours} jour${jours > 1 ? 's' : ''}` : null].filter(Boolean);
  return parts.length ? parts.join(' / ') : null;
}
