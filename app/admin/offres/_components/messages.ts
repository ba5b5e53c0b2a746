/** Wording and URL parameters of « Offres » (admin), in one place. */
import type { OffreStatus } from '@/lib/generated/prisma/client';

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const STATUT_OPTIONS = [
  { statut: 'EN_COURS', slug: 'en-cours', label: 'En cours' },
  { statut: 'POURVUE', slug: 'pourvues', label: 'Pourvues' },
  { statut: 'ARCHIVEE', slug: 'archivees', label: 'Archivées' },
] as const satisfies readonly { statut: OffreStatus; slug: string; label: string }[];

/** `?statut=en-cours&q=…&page=2`: anything invalid falls back to the default, never an error page. */
export function parseAdminOffresSearch(params: Record<string, string | string[] | undefined>): { q?: string; statut?: OffreStatus; page: number } {
  const slug = first(params.statut);
  const statut = STATUT_OPTIONS.find((s) => s.slug === slug)?.statut;
  const q = first(params.q)?.trim().slice(0, 100) || undefined;
  const page = Number(first(params.page));
  return { q, statut, page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 };
}

export function offresHref({ q, statut, page }: { q?: string; statut?: OffreStatus; page: number }) {
  const params = new URLSearchParams();
  const slug = STATUT_OPTIONS.find((s) => s.statut === statut)?.slug;
  if (slug) params.set('statut', slug);
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `/admin/offres?${s}` : '/admin/offres';
}

export const CSV_HEADERS = ['Numéro', 'Métier', 'Statut', 'Employeur', 'Structure', 'Commune', 'Publiée le', 'Archivée le', 'Candidatures', 'Motif de dépublication'];

export const ADMIN_OFFRES_MESSAGES = {
  depubliee: (metier: string, numero: string) => `L'offre « ${metier} » (${numero}) a été dépubliée : elle n'est plus visible sur le site et la structure a été prévenue par e-mail.`,
  motifRequis: 'Indiquez le motif : il sera communiqué à la structure.',
} as const;
