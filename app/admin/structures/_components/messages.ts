/** Wording and URL parameters of « Structures » (admin), in one place. */

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** `?q=…&page=2`: anything invalid falls back to the default, never an error page. */
export function parseAdminStructuresSearch(params: Record<string, string | string[] | undefined>): { q?: string; page: number } {
  const q = first(params.q)?.trim().slice(0, 100) || undefined;
  const page = Number(first(params.page));
  return { q, page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 };
}

export function structuresHref({ q, page }: { q?: string; page: number }) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `/admin/structures?${s}` : '/admin/structures';
}

/** « STRUCTURE 000000012 »: 9 digits, like the other small records. */
export function formatNumeroStructure(numero: number): string {
  return String(numero).padStart(9, '0');
}

export const CSV_HEADERS = ['Numéro', 'Raison sociale', 'SIRET', 'Type', 'Code postal', 'Commune', 'Membres', 'Offres en cours', 'Active', 'Créée le'];

export const ADMIN_STRUCTURES_MESSAGES = {
  desactivee: (nom: string, n: number) =>
    `La structure « ${nom} » a été désactivée : ses offres ne sont plus visibles sur le site et ${n === 0 ? 'elle n’a aucun membre à prévenir' : n === 1 ? 'son membre a été prévenu par e-mail' : `ses ${n} membres ont été prévenus par e-mail`}.`,
  reactivee: (nom: string, n: number) =>
    `La structure « ${nom} » a été réactivée : ses offres en cours sont de nouveau visibles et ${n === 0 ? 'elle n’a aucun membre à prévenir' : n === 1 ? 'son membre a été prévenu par e-mail' : `ses ${n} membres ont été prévenus par e-mail`}.`,
  motifRequis: 'Indiquez le motif : il sera communiqué aux membres de la structure.',
} as const;
