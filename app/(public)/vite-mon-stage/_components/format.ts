import type { ViteMonStageSearch } from '@/lib/validations/vite-mon-stage';

/** « 1 structure », « 3 structures » (French: 0 and 1 take the singular). */
export function structuresCount(n: number): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? 'structures' : 'structure'}`;
}

/** The phone number as digits, national form: « 0556000000 » (from « +33 5 56… » too). */
function nationalDigits(raw: string): string | null {
  const compact = raw.replace(/[\s.()-]/g, '');
  const national = compact.startsWith('+33') ? `0${compact.slice(3)}` : compact.startsWith('0033') ? `0${compact.slice(4)}` : compact;
  return /^0\d{9}$/.test(national) ? national : null;
}

/** « 05 56 00 00 00 » for display; anything unexpected is shown as entered. */
export function formatTelephone(raw: string): string {
  const digits = nationalDigits(raw);
  return digits ? digits.replace(/(\d{2})(?=\d)/g, '$1 ') : raw;
}

/** `tel:+33556000000` (international form, dialable from abroad too). */
export function telHref(raw: string): string {
  const digits = nationalDigits(raw);
  return `tel:${digits ? `+33${digits.slice(1)}` : raw.replace(/[^\d+]/g, '')}`;
}

/** The page's URL for these filters (empty ones left out) and page. */
export function viteMonStageHref(filters: Omit<ViteMonStageSearch, 'page'>, page = 1): string {
  const params = new URLSearchParams();
  if (filters.departement) params.set('departement', filters.departement);
  if (filters.commune) params.set('commune', filters.commune);
  if (filters.niveau) params.set('niveau', filters.niveau);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/vite-mon-stage?${query}` : '/vite-mon-stage';
}
