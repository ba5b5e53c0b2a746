import type { DemandeStatut } from '@/lib/data/admin-employeurs';
import { STATUT_TABS } from './messages';

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** `?statut=valides&q=…&page=2`: anything invalid falls back to the default, never an error page. */
export function parseAdminEmployeursSearch(params: Record<string, string | string[] | undefined>): { statut: DemandeStatut; q?: string; page: number } {
  const slug = first(params.statut);
  const statut = STATUT_TABS.find((t) => t.slug === slug)?.statut ?? 'EN_ATTENTE';
  const q = first(params.q)?.trim().slice(0, 100) || undefined;
  const page = Number(first(params.page));
  return { statut, q, page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 };
}

export function hrefFor({ statut, q, page }: { statut: DemandeStatut; q?: string; page: number }) {
  const params = new URLSearchParams();
  const slug = STATUT_TABS.find((t) => t.statut === statut)!.slug;
  if (slug !== 'en-attente') params.set('statut', slug);
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `/admin/employeurs?${s}` : '/admin/employeurs';
}
