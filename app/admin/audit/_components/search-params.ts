import { z } from 'zod';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

// each parameter on its own: an invalid one is ignored, never an error page
const acteurSchema = z.string().trim().min(1).max(100);
const actionSchema = z.string().trim().min(1).max(100).regex(/^[\w.-]+$/);
const daySchema = z.iso.date();
const pageSchema = z.coerce.number().int().min(1).max(100_000);

export interface AdminAuditSearch {
  acteur?: string;
  action?: string;
  du?: string;
  au?: string;
  page: number;
}

function pick<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const r = schema.safeParse(first(value));
  return r.success ? r.data : undefined;
}

/** `?acteur=…&action=offre.&du=2026-11-01&au=2026-11-28&page=2`. */
export function parseAdminAuditSearch(params: Record<string, string | string[] | undefined>): AdminAuditSearch {
  return {
    acteur: pick(acteurSchema, params.acteur),
    action: pick(actionSchema, params.action),
    du: pick(daySchema, params.du),
    au: pick(daySchema, params.au),
    page: pick(pageSchema, params.page) ?? 1,
  };
}

export function hrefFor(search: AdminAuditSearch, base = '/admin/audit') {
  const params = new URLSearchParams();
  for (const key of ['acteur', 'action', 'du', 'au'] as const) {
    const v = search[key];
    if (v) params.set(key, v);
  }
  if (search.page > 1) params.set('page', String(search.page));
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

/** « offre.creation » → « offre. »: the families offered in the select. */
export function prefixesOf(actions: string[]): string[] {
  return [...new Set(actions.filter((a) => a.includes('.')).map((a) => `${a.slice(0, a.indexOf('.'))}.`))].sort();
}

export const AUDIT_CSV_HEADERS = ['Date', 'Acteur', 'E-mail de l’acteur', 'Action', 'Type d’entité', 'Identifiant', 'Avant', 'Après', 'IP'];
