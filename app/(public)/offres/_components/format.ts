import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { libelleNafSection, sectionForNaf } from '@/lib/referentiels/naf-sections';
import type { OffresPubliquesSearch, TypeAlternanceFiltre } from '@/lib/validations/offres-publiques';

/** « 1 offre », « 3 offres » (French: 0 and 1 take the singular; the page says « Aucune offre » for 0). */
export function offresCount(n: number): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? 'offres' : 'offre'}`;
}

/** « Contrat d'apprentissage, Contrat de professionnalisation » */
export function typesLabel(types: readonly TypeAlternanceFiltre[]): string {
  return types.map((t) => TYPE_ALTERNANCE_LABELS[t]).join(', ');
}

/** « Bordeaux (33100) — Gironde », with whatever parts are known. */
export function lieuLabel(offre: { commune: string | null; codePostal: string | null; departementNom: string | null; departementCode: string | null }): string {
  const commune = offre.commune ? `${offre.commune}${offre.codePostal ? ` (${offre.codePostal})` : ''}` : '';
  const departement = offre.departementNom ?? offre.departementCode ?? '';
  return [commune, departement].filter(Boolean).join(' — ');
}

export type OffresSearchFilters = Omit<OffresPubliquesSearch, 'page'>;

/** The search page's URL for these filters (empty ones left out) and page. */
export function offresHref(filters: OffresSearchFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.departement) params.set('departement', filters.departement);
  if (filters.commune) params.set('commune', filters.commune);
  for (const type of filters.types) params.append('type', type);
  if (filters.niveau !== undefined) params.set('niveau', String(filters.niveau));
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/offres?${query}` : '/offres';
}

/** The employer's « Domaine d'activité »: its NAF section's label (from the NAF code when the section is not stored). */
export function domaineActivite(offre: { employeurDomaine: string | null; employeurCodeNaf: string | null }): string | null {
  return libelleNafSection(offre.employeurDomaine ?? sectionForNaf(offre.employeurCodeNaf));
}
