import { ROLE_OPTIONS, type RoleValue } from './messages';

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export interface UtilisateursSearch {
  q?: string;
  role?: RoleValue;
  structure?: string;
  page: number;
}

/** `?q=…&role=ACTEUR&structure=…&page=2`: anything invalid is ignored, never an error page. */
export function parseUtilisateursSearch(params: Record<string, string | string[] | undefined> | URLSearchParams): UtilisateursSearch {
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? undefined) : first(params[k]));
  const q = get('q')?.trim().slice(0, 100) || undefined;
  const roleParam = get('role');
  const role = ROLE_OPTIONS.find((r) => r.value === roleParam)?.value;
  const structure = get('structure')?.trim().slice(0, 100) || undefined;
  const page = Number(get('page'));
  return { q, role, structure, page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 };
}

export function queryOf({ q, role, structure, page }: Partial<UtilisateursSearch>): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (role) params.set('role', role);
  if (structure) params.set('structure', structure);
  if (page && page > 1) params.set('page', String(page));
  return params.toString();
}

export function hrefFor(search: Partial<UtilisateursSearch>) {
  const s = queryOf(search);
  return s ? `/admin/utilisateurs?${s}` : '/admin/utilisateurs';
}
