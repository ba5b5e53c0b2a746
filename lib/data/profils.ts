import 'server-only';
import type { StaffUser } from '@/lib/auth/guards';
import { db } from '@/lib/db';
import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { searchProfilsWith, type ProfilsResults } from '@/lib/profils-query';
import { DEPARTEMENTS_NA } from '@/lib/referentiels/departements';
import { NIVEAUX, libelleNiveau } from '@/lib/referentiels/niveaux';
import { TYPES_ALTERNANCE } from '@/lib/validations/offres-publiques';
import type { ProfilsFilters } from '@/lib/validations/profils';

export type { ProfilResume, ProfilsResults } from '@/lib/profils-query';
export type { ProfilsFilters };

/**
 * « Recherche de profils »: any member of a structure may search the projects candidates made
 * visible to the acteurs (lib/profils-query.ts holds the SQL, shared with the bench). The user's
 * own favourites are marked on the cards; nothing identifies the candidate.
 */
export function searchProfils(user: StaffUser, filters: ProfilsFilters, page: number): Promise<ProfilsResults> {
  return searchProfilsWith(db, user.id, filters, page);
}

/** The options of « RECHERCHE AVANCÉE » (fixed lists: no query). */
export const PROFILS_FILTER_OPTIONS = {
  departements: DEPARTEMENTS_NA.map((d) => ({ value: d.code, label: `${d.nom} (${d.code})` })),
  types: TYPES_ALTERNANCE.map((t) => ({ value: t, label: TYPE_ALTERNANCE_LABELS[t] })),
  niveaux: NIVEAUX.map((n) => ({ value: String(n.niveau), label: libelleNiveau(n.niveau) })),
} as const;
