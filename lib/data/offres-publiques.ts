import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db';
import {
  offrePubliqueWith,
  offresSitemapWith,
  searchOffresPubliquesWith,
  searchOptionsWith,
  statutOffrePubliqueWith,
  type OffresPubliquesFilters,
} from '@/lib/offres-publiques-query';

export type {
  DepartementOption,
  DiplomePublic,
  OffrePubliqueDetail,
  OffrePubliqueResume,
  OffresPubliquesFilters,
  OffresPubliquesResults,
  StatutOffre,
} from '@/lib/offres-publiques-query';

/**
 * The public offer pages are open to everyone, signed in or not: there is no caller to scope to.
 * The scope is « what may be published »: offers « En cours » of an active structure whose
 * employer is validated for that structure (see lib/offres-publiques-query.ts, which holds the SQL
 * so that the bench measures it too). No contact detail is ever read.
 */

/** One page of the search (2 statements; 3 when the page asked for is past the end). */
export function searchOffresPubliques(filters: OffresPubliquesFilters) {
  return searchOffresPubliquesWith(db, filters);
}

/** The form's départements, and the chosen one's communes that have open offers (1 statement). */
export function listSearchOptions(departement: string | undefined) {
  return searchOptionsWith(db, departement);
}

/** A public offer, whatever its status (cached per request: metadata and page share it). */
export const getOffrePublique = cache((numero: number) => offrePubliqueWith(db, numero));

/** The status of a public offer, or null (proxy.ts answers 410 with it). */
export function getStatutOffrePublique(numero: number) {
  return statutOffrePubliqueWith(db, numero);
}

export function listOffresSitemap() {
  return offresSitemapWith(db);
}
